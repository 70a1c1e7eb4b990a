/**
 * Reads a chip image from disk for the command line: file-system errors become a catalogue
 * diagnostic like every other problem, so `ant inspect` and `ant report` never show a stack.
 */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { imageDiagnostics as D, makeDiagnostic } from "../diagnostics/catalogue/index.ts";
import type { ChipIR } from "../ir/types.ts";
import { readImage, type SectionInfo } from "./read.ts";

export interface LoadedImage {
  readonly ir?: ChipIR;
  readonly diagnostics: Diagnostic[];
  readonly sections?: readonly SectionInfo[];
  readonly fileBytes: number;
}

export function loadImageFile(path: string): LoadedImage {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : String((error as Error).message ?? error);
    return { diagnostics: [makeDiagnostic(D.unreadable, [path, reason])], fileBytes: 0 };
  }
  const result = readImage(bytes, path);
  return { ...result, fileBytes: bytes.length };
}
