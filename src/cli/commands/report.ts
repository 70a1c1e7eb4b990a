/** `ant report`: registered once its phase lands (see docs/architecture.md). */
import type { Command } from "commander";
import type { CliContext } from "../main.ts";

export function registerReportCommand(program: Command, context: CliContext): void {
  void program;
  void context;
}
