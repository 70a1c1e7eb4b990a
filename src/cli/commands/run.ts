/** `ant run`: registered once its phase lands (see docs/architecture.md). */
import type { Command } from "commander";
import type { CliContext } from "../main.ts";

export function registerRunCommand(program: Command, context: CliContext): void {
  void program;
  void context;
}
