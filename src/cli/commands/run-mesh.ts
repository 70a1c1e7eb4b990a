/**
 * `ant run --out DIR` also writes `mesh.html`: the placement report's mesh view with what the run
 * measured (spikes, synaptic operations and energy per core, messages per link) beside the
 * compiler's estimates. This file only translates the emulator's run report into the report
 * phase's `ReportActivity`; drawing is src/report's job.
 */
import type { ChipIR } from "../../ir/types.ts";
import type { RunReport } from "../../../emulator/energy/report-types.ts";
import { buildReport, renderHtmlReport, type ReportActivity } from "../../report/index.ts";
import { directionPort } from "../../report/traffic.ts";

export const MESH_FILE = "mesh.html";

export function runActivity(ir: ChipIR, run: RunReport): ReportActivity {
  const cores = ir.cores.map(() => ({ spikes: 0, synOps: 0, energyJ: 0 }));
  for (const c of run.cores) {
    const slot = cores[c.core];
    if (slot === undefined) continue;
    slot.spikes = c.spikesOut;
    slot.synOps = c.synOps;
    slot.energyJ = c.energy.totalJ;
  }
  const links = run.links.map((l) => ({
    router: l.router,
    port: directionPort(l.direction),
    messages: l.messages,
  }));
  return { durationS: run.simulatedPs / 1e12, cores, links };
}

/** The self-contained HTML page, coloured by measured energy. */
export function runMeshHtml(ir: ChipIR, run: RunReport): string {
  const data = buildReport({ ir, activity: runActivity(ir, run) });
  return renderHtmlReport(data, { colourBy: "energy", title: `Run of '${ir.name}'` });
}
