/** Registers every subcommand; each file owns one command and its options. */
import type { Command } from "commander";
import type { CliContext } from "../main.ts";
import { registerCheckCommand } from "./check.ts";
import { registerCompileCommand } from "./compile.ts";
import { registerTargetsCommand } from "./targets.ts";
import { registerInspectCommand } from "./inspect.ts";
import { registerReportCommand } from "./report.ts";
import { registerRunCommand } from "./run.ts";

export function registerCommands(program: Command, context: CliContext): void {
  registerCheckCommand(program, context);
  registerCompileCommand(program, context);
  registerTargetsCommand(program, context);
  registerInspectCommand(program, context);
  registerReportCommand(program, context);
  registerRunCommand(program, context);
}
