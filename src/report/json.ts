/**
 * The placement report as JSON (`ant report --json`): `ReportData` exactly, two-space indented.
 * The schema is documented in docs/reports.md; numbers that are not finite cannot occur except
 * in limits, which the model already turns into `null`.
 */
import type { ReportData } from "./model.ts";

export function formatJsonReport(data: ReportData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
