/**
 * The public library surface of ANT. Scripts import from here; the CLI is a thin layer on top.
 */
export type * from "../dsl/resolved.ts";
export type * from "./ir/types.ts";
export type * from "./diagnostics/diagnostic.ts";

// Phases 1-3: load a program, compile it for a target, read or write a chip image (docs/api.md).
export { loadProgram, loadProgramFromText } from "../dsl/index.ts";
export { compileFile, compileProgram, loadTarget, listBuiltinTargets } from "./compiler/index.ts";
export type { CompileOptions, CompileResult, FileCompileResult } from "./compiler/index.ts";
export { loadImageFile, readImage, writeImage } from "./image/index.ts";
export { renderDiagnostics } from "./diagnostics/render.ts";
export { hasErrors } from "./diagnostics/diagnostic.ts";

// Reports of a mapping, optionally with what a run measured (docs/reports.md).
export {
  buildReport,
  formatTextReport,
  formatJsonReport,
  renderHtmlReport,
} from "./report/index.ts";
export type { ReportActivity, ReportData, HtmlReportOptions } from "./report/index.ts";

// Phase 5: the event-driven emulator (docs/api.md).
export { Emulator, EmulationError } from "../emulator/api.ts";
export type { EmulatorOptions, RunOptions } from "../emulator/api.ts";
export type * from "../emulator/energy/report-types.ts";
export type { PlasticityHooks, PlasticityFactory } from "../emulator/plasticity-hooks.ts";
