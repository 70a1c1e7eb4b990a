/**
 * Inputs: Poisson sources (constant rate or one rate per neuron from a data file), explicit
 * spike times, and spike files read at run time. Resolves into ResolvedInput.
 */
import { existsSync } from "node:fs";
import { extname } from "node:path";
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { InputSource, ResolvedInput } from "../resolved.ts";
import type { InputDecl } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import { toSi } from "../units/units.ts";
import type { CheckContext } from "./context.ts";
import { readNumberFile, resolveDataPath } from "./data-files.ts";
import { readShape } from "./populations.ts";
import {
  checkRange,
  indexFields,
  readChoice,
  readExpr,
  readInteger,
  readQuantity,
} from "./read.ts";
import { deriveSeed } from "./seeds.ts";
import { didYouMean } from "./suggest.ts";
import { describeValue, type Value } from "./value.ts";

const KINDS = ["poisson", "spikes", "file"] as const;
const FORMATS = ["aedat", "nmnist", "csv"] as const;
const FIELDS: Record<(typeof KINDS)[number], string[]> = {
  poisson: ["rate", "start", "stop"],
  spikes: ["times"],
  file: [],
};

export function resolveInput(
  ctx: CheckContext,
  decl: InputDecl,
  rootSeed: number,
): ResolvedInput | undefined {
  const name = decl.name.name;
  const kind = decl.source.name as (typeof KINDS)[number];
  if (!KINDS.includes(kind)) {
    ctx.report(M.unknownInputKind, [decl.source.name], decl.source.span, {
      help: didYouMean(decl.source.name, KINDS),
    });
    return undefined;
  }
  const dims = readShape(ctx, name, decl.shape, decl.shapeSpan);

  if (kind !== "file" && decl.path !== undefined) {
    ctx.report(M.pathNotAllowed, [name, kind], decl.path.span);
    return undefined;
  }
  if (kind !== "file" && decl.format !== undefined) {
    ctx.report(M.pathNotAllowed, [name, kind], decl.format.span);
    return undefined;
  }
  const fields = indexFields(ctx, decl.fields, `A ${kind} input`, FIELDS[kind]);
  if (dims === undefined) return undefined;

  let source: InputSource | undefined;
  if (kind === "poisson") source = poissonSource(ctx, name, dims.size, fields, rootSeed);
  else if (kind === "spikes") source = spikeTimes(ctx, decl, dims.size, fields);
  else source = spikeFile(ctx, decl);
  if (source === undefined) return undefined;
  return { name, span: decl.name.span, size: dims.size, shape: dims.shape, source };
}

function poissonSource(
  ctx: CheckContext,
  name: string,
  size: number,
  fields: ReadonlyMap<string, import("../syntax/ast.ts").Field>,
  rootSeed: number,
): InputSource | undefined {
  const rateField = fields.get("rate");
  if (rateField === undefined) {
    ctx.report(M.missingField, [`The poisson input '${name}'`, "rate"], undefined);
    return undefined;
  }
  const rateValue = readExpr(ctx, rateField.value);
  const ratesHz = readRates(ctx, name, size, rateValue);

  const startValue = readExpr(ctx, fields.get("start")?.value);
  const startS = fields.has("start")
    ? checkRange(
        ctx,
        readQuantity(ctx, startValue, "start", D.TIME),
        (v) => v >= 0,
        "start",
        "zero or more",
        D.TIME,
        startValue?.span,
      )
    : 0;
  const stopValue = readExpr(ctx, fields.get("stop")?.value);
  let stopS: number | undefined = Infinity;
  if (stopValue !== undefined && !(stopValue.kind === "word" && stopValue.name === "unlimited")) {
    const rule = `after 'start' (${D.formatQuantity(startS ?? 0, D.TIME)})`;
    stopS = checkRange(
      ctx,
      readQuantity(ctx, stopValue, "stop", D.TIME),
      (v) => v > (startS ?? 0),
      "stop",
      rule,
      D.TIME,
      stopValue.span,
    );
  }
  if (ratesHz === undefined || startS === undefined || stopS === undefined) return undefined;
  return { kind: "poisson", ratesHz, startS, stopS, seed: deriveSeed(rootSeed, `input:${name}`) };
}

function readRates(
  ctx: CheckContext,
  name: string,
  size: number,
  value: Value | undefined,
): Float64Array | undefined {
  if (value?.kind === "file") {
    if (!D.sameDimension(value.dim, D.FREQUENCY)) {
      ctx.report(
        M.wrongDimension,
        ["rate", D.describeDimension(D.FREQUENCY), D.describeDimension(value.dim)],
        value.span,
      );
      return undefined;
    }
    const numbers = readNumberFile(ctx, value.path, value.pathSpan);
    if (numbers === undefined) return undefined;
    if (numbers.length !== size) {
      ctx.report(M.rateCountMismatch, [value.path, numbers.length, name, size], value.pathSpan);
      return undefined;
    }
    const rates = Float64Array.from(numbers, (n) => toSi(n, value));
    const negative = rates.findIndex((r) => r < 0);
    if (negative >= 0) {
      ctx.report(
        M.outOfRange,
        ["rate", "zero or more", D.formatQuantity(rates[negative] ?? 0, D.FREQUENCY)],
        value.pathSpan,
      );
      return undefined;
    }
    return rates;
  }
  const rate = checkRange(
    ctx,
    readQuantity(ctx, value, "rate", D.FREQUENCY),
    (v) => v >= 0,
    "rate",
    "zero or more",
    D.FREQUENCY,
    value?.span,
  );
  return rate === undefined ? undefined : new Float64Array(size).fill(rate);
}

function spikeTimes(
  ctx: CheckContext,
  decl: InputDecl,
  size: number,
  fields: ReadonlyMap<string, import("../syntax/ast.ts").Field>,
): InputSource | undefined {
  const name = decl.name.name;
  const field = fields.get("times");
  if (field === undefined) {
    ctx.report(M.missingField, [`The spikes input '${name}'`, "times"], decl.name.span);
    return undefined;
  }
  const value = readExpr(ctx, field.value);
  if (value === undefined) return undefined;
  // One pair, a comma-separated run of pairs, or a bracketed list of pairs.
  const pairs =
    value.kind === "tuple"
      ? [value]
      : value.kind === "sequence" || value.kind === "list"
        ? value.items
        : [value];

  const spikes: { neuron: number; timeS: number }[] = [];
  let ok = true;
  for (const pair of pairs) {
    if (pair.kind !== "tuple" || pair.items.length !== 2) {
      ctx.report(M.badSpike, [describeValue(pair)], pair.span);
      ok = false;
      continue;
    }
    const neuron = readInteger(ctx, pair.items[0], "neuron", 0);
    const timeValue = pair.items[1];
    const timeS = checkRange(
      ctx,
      readQuantity(ctx, timeValue, "time", D.TIME),
      (v) => v >= 0,
      "time",
      "zero or more",
      D.TIME,
      timeValue?.span,
    );
    if (neuron !== undefined && neuron >= size) {
      ctx.report(M.spikeNeuronOutOfRange, [neuron, name, size], pair.items[0]?.span);
      ok = false;
      continue;
    }
    if (neuron === undefined || timeS === undefined) ok = false;
    else spikes.push({ neuron, timeS });
  }
  if (!ok) return undefined;

  spikes.sort((a, b) => a.timeS - b.timeS || a.neuron - b.neuron);
  return {
    kind: "spike_times",
    neuron: Uint32Array.from(spikes, (s) => s.neuron),
    timeS: Float64Array.from(spikes, (s) => s.timeS),
  };
}

function spikeFile(ctx: CheckContext, decl: InputDecl): InputSource | undefined {
  const name = decl.name.name;
  if (decl.path === undefined) {
    ctx.report(M.fileInputNeedsPath, [name], decl.source.span);
    return undefined;
  }
  const path = resolveDataPath(decl.span.file, decl.path.value);
  if (!existsSync(path)) {
    ctx.report(M.dataFileUnreadable, [decl.path.value, "no such file"], decl.path.span);
    return undefined;
  }
  let format: (typeof FORMATS)[number] | undefined;
  if (decl.format !== undefined) {
    format = readChoice(
      ctx,
      { kind: "word", name: decl.format.name, span: decl.format.span },
      "format",
      FORMATS,
    );
    if (format === undefined) return undefined;
  } else {
    // Without `format`, the extension decides: .aedat, .csv, anything else is N-MNIST binary.
    const ext = extname(path).toLowerCase();
    format = ext === ".aedat" ? "aedat" : ext === ".csv" ? "csv" : "nmnist";
  }
  return { kind: "spike_file", path, format };
}
