/**
 * The single diagnostic catalogue. Each phase owns a thousand codes:
 * 1xxx syntax, 2xxx semantics, 3xxx mapping, 4xxx chip image, 5xxx emulation and event files.
 */
export { entry, formatTemplate, makeDiagnostic } from "./entry.ts";
export type { CatalogueEntry, DiagnosticOptions } from "./entry.ts";
export { syntaxDiagnostics } from "./syntax.ts";
export { semanticDiagnostics } from "./semantic.ts";
export { mappingDiagnostics } from "./mapping.ts";
export { imageDiagnostics } from "./image.ts";
export { emulationDiagnostics } from "./emulation.ts";
export { eventFileDiagnostics } from "./event-files.ts";
