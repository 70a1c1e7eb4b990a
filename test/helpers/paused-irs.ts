/**
 * Images that hold a paused run (`Emulator.toIr()`), for tests of the run state section: the
 * fixtures of ir-fixtures.ts run for a while and stopped with messages still in flight.
 */
import { Emulator } from "../../emulator/api.ts";
import type { ChipIR } from "../../src/ir/types.ts";
import { multiChipIr, smallNetworkIr } from "./ir-fixtures.ts";

const MS = 1e9; // picoseconds

/** The multi-chip fixture without its spike-file input, which the emulator would have to read. */
export function boardIr(): ChipIR {
  const ir = multiChipIr();
  return { ...ir, inputs: ir.inputs.filter((input) => input.kind !== "spike_file") };
}

/** `ir` run for `durationPs` in `mode`, then saved. */
export function pausedIr(
  ir: ChipIR,
  durationPs: number,
  mode: "float" | "fixed" = "float",
): ChipIR {
  const emulator = new Emulator(ir, { mode });
  emulator.run(durationPs);
  return emulator.toIr();
}

/**
 * The small network after 300 ms in float mode, and the board (plastic, reward-modulated,
 * adaptive, across chips) 2.5 ms into its spike trains in fixed mode, with deliveries pending.
 */
export function pausedFixtureIrs(): { readonly name: string; readonly ir: ChipIR }[] {
  return [
    { name: "small, paused", ir: pausedIr(smallNetworkIr(), 300 * MS) },
    { name: "board, paused", ir: pausedIr(boardIr(), 2.5 * MS, "fixed") },
  ];
}
