/**
 * Text outputs of a run: recorded spikes as `population,neuron,time_s` and voltage traces as
 * `time_s,<population>[<i>],...`. Times are printed exactly from integer picoseconds and
 * voltages in the shortest form that reads back to the same float64, so the bytes depend only
 * on the data (see time-text.ts).
 */
import { formatFloat, formatPsAsSeconds } from "../time-text.ts";
import type { SpikeTable, VoltageTraces } from "./spike-table.ts";

/** RFC 4180 quoting, only when a field needs it. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function spikesToCsv(table: SpikeTable): string {
  const names = table.populations.map((p) => csvField(p.name));
  const lines = ["population,neuron,time_s"];
  for (let k = 0; k < table.timePs.length; k++) {
    const name = names[table.population[k] as number] ?? String(table.population[k]);
    lines.push(`${name},${table.neuron[k]},${formatPsAsSeconds(table.timePs[k] as number)}`);
  }
  return lines.join("\n") + "\n";
}

export function voltagesToCsv(traces: VoltageTraces): string {
  const columns = traces.probes.map((p) => csvField(`${p.population}[${p.index}]`));
  const lines = [["time_s", ...columns].join(",")];
  for (let s = 0; s < traces.timePs.length; s++) {
    let line = formatPsAsSeconds(traces.timePs[s] as number);
    for (const values of traces.valuesV) line += `,${formatFloat(values[s] as number)}`;
    lines.push(line);
  }
  return lines.join("\n") + "\n";
}
