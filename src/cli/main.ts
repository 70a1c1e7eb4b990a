/**
 * The `ant` command line: a thin layer over the library. Each subcommand lives in
 * `commands/<name>.ts` and returns an exit code; this file only wires them up and turns
 * usage mistakes into exit 2 and unexpected exceptions into "internal error" with exit 70.
 */
import { Command, CommanderError } from "commander";
import { ExitCode } from "./exit-codes.ts";
import { registerCommands } from "./commands/index.ts";

export interface CliContext {
  /** Set by a subcommand's action; read once the parse finishes. */
  exitCode: number;
}

export async function main(argv: readonly string[]): Promise<number> {
  const context: CliContext = { exitCode: ExitCode.Ok };
  const program = new Command()
    .name("ant")
    .description("Language, compiler and event-driven emulator for clockless neuromorphic chips.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerCommands(program, context);

  try {
    await program.parseAsync([...argv]);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version output exit 0; every other commander error is a usage mistake.
      const benign = ["commander.helpDisplayed", "commander.version", "commander.help"];
      return benign.includes(error.code) ? ExitCode.Ok : ExitCode.Usage;
    }
    // A stack trace helps us, not the user: it is shown only when ANT_DEBUG is set.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ant: internal error: ${message}\n`);
    if (process.env["ANT_DEBUG"] && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    process.stderr.write("This is a bug in ANT; please report it with the input that caused it.\n");
    return ExitCode.Internal;
  }
}
