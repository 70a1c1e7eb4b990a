/** `ant inspect`: registered once its phase lands (see docs/architecture.md). */
import type { Command } from "commander";
import type { CliContext } from "../main.ts";

export function registerInspectCommand(program: Command, context: CliContext): void {
  void program;
  void context;
}
