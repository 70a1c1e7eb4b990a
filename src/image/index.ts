/**
 * The chip image phase's public surface: write a ChipIR to bytes and read it back. The format
 * is specified in docs/image-format.md.
 */
export { writeImage } from "./write.ts";
export { readImage, type ReadImageOptions, type ReadImageResult } from "./read.ts";
export { formatImageSummary, summariseImage, type ImageSummary } from "./summary.ts";
export type { SectionInfo } from "./read.ts";
export { IMAGE_VERSION, SECTIONS } from "./format.ts";
export { loadImageFile, type LoadedImage } from "./load.ts";
