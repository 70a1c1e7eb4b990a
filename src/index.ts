/**
 * The public library surface of ANT. Scripts import from here; the CLI is a thin layer on top.
 */
export type * from "../dsl/resolved.ts";
export type * from "./ir/types.ts";
export type * from "./diagnostics/diagnostic.ts";

// Phase 5: the event-driven emulator (docs/api.md).
export { Emulator, EmulationError } from "../emulator/api.ts";
export type { EmulatorOptions, RunOptions } from "../emulator/api.ts";
export type * from "../emulator/energy/report-types.ts";
export type { PlasticityHooks, PlasticityFactory } from "../emulator/plasticity-hooks.ts";
