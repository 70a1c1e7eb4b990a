/**
 * The report phase's public surface: build `ReportData` from a ChipIR (optionally with what a
 * run measured), then render it as a terminal table, JSON or a self-contained HTML page. The
 * three outputs are documented in docs/reports.md.
 */
export {
  buildReport,
  type CoreReport,
  type LinkReport,
  type ReportActivity,
  type ReportData,
  type ReportInput,
} from "./model.ts";
export { formatTextReport, terminalSafe } from "./text.ts";
export { formatJsonReport } from "./json.ts";
export { renderHtmlReport, type HtmlReportOptions } from "./html.ts";
export { CLI_COLOUR_MODES, type ColourMode } from "./colour.ts";
export { estimateTraffic, type Traffic, type LinkLoad } from "./traffic.ts";
