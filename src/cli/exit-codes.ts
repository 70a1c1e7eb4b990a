/** Exit codes of the `ant` command, shared by every subcommand. */
export const ExitCode = {
  Ok: 0,
  /** The input has errors (diagnostics were printed). */
  InputError: 1,
  /** The command line itself is wrong. */
  Usage: 2,
  /** A bug in ANT: "internal error" was printed. Follows BSD sysexits EX_SOFTWARE. */
  Internal: 70,
  /** Stopped by Ctrl-C after writing what was measured so far. */
  Interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
