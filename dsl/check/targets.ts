/**
 * Hardware target descriptions (`target NAME { ... }`, syntax in docs/language.md "Targets")
 * into ResolvedTarget, in SI units (J, W, s) and bits. `unlimited` stands for Infinity wherever a
 * count or memory size may be unbounded.
 */
import type { Span } from "../../src/diagnostics/diagnostic.ts";
import { semanticDiagnostics as M } from "../../src/diagnostics/catalogue/semantic.ts";
import type { ResolvedTarget, TargetEnergy, TargetTiming } from "../resolved.ts";
import type { Field, TargetDecl } from "../syntax/ast.ts";
import * as D from "../units/dimension.ts";
import type { CheckContext } from "./context.ts";
import {
  checkRange,
  indexFields,
  readBoolean,
  readChoice,
  readExpr,
  readInteger,
  readQuantity,
} from "./read.ts";
import { describeValue, type Value } from "./value.ts";

const TOP = ["description", "chips", "mesh", "delay_min", "delay_max"];
const BLOCKS = ["core", "router", "precision", "energy", "timing", "learning", "restrictions"];
const CORE = ["neurons", "synapses", "synaptic_memory", "fan_in", "fan_out"];
const PRECISION = ["weight", "state", "delay", "delay_resolution", "decay"];
const ENERGY: Record<string, keyof TargetEnergy> = {
  syn_op: "synOpJ",
  neuron_update: "neuronUpdateJ",
  neuron_update_idle: "neuronUpdateIdleJ",
  spike_out: "spikeOutJ",
  hop_east_west: "hopEastWestJ",
  hop_north_south: "hopNorthSouthJ",
  chip_hop: "chipHopJ",
  learn_update: "learnUpdateJ",
  barrier: "barrierJ",
  static_power_per_core: "staticPowerPerCoreW",
};
const TIMING: Record<string, keyof TargetTiming> = {
  syn_op: "synOpS",
  neuron_update: "neuronUpdateS",
  spike_out: "spikeOutS",
  hop_east_west: "hopEastWestS",
  hop_north_south: "hopNorthSouthS",
  chip_hop: "chipHopS",
  learn_update: "learnUpdateS",
  barrier: "barrierS",
};
/** Fields that may be left out; everything else in a target is required. */
const OPTIONAL_ENERGY = ["neuron_update_idle", "barrier"];
const OPTIONAL_TIMING = ["barrier"];

class TargetReader {
  ok = true;
  constructor(
    private readonly ctx: CheckContext,
    private readonly owner: string,
    private readonly at: Span,
  ) {}

  value(fields: ReadonlyMap<string, Field>, name: string, optional = false): Value | undefined {
    const field = fields.get(name);
    if (field === undefined) {
      if (!optional) {
        this.ctx.report(M.missingField, [this.owner, name], this.at);
        this.ok = false;
      }
      return undefined;
    }
    const value = readExpr(this.ctx, field.value);
    if (value === undefined) this.ok = false;
    return value;
  }

  track<T>(result: T | undefined, present: boolean): T | undefined {
    if (present && result === undefined) this.ok = false;
    return result;
  }

  /** A whole count >= min, or `unlimited` (Infinity) when allowed. */
  count(fields: ReadonlyMap<string, Field>, name: string, min: number, unlimited: boolean): number {
    const value = this.value(fields, name);
    if (value === undefined) return 0;
    if (unlimited && value.kind === "word" && value.name === "unlimited") return Infinity;
    return this.track(readInteger(this.ctx, value, name, min), true) ?? 0;
  }

  /** A width in bits: `9 bit`, `128 KiB`; whole bits only. */
  bits(fields: ReadonlyMap<string, Field>, name: string, unlimited = false): number {
    const value = this.value(fields, name);
    if (value === undefined) return 0;
    if (unlimited && value.kind === "word" && value.name === "unlimited") return Infinity;
    const bits = readQuantity(this.ctx, value, name, D.INFORMATION);
    if (bits === undefined) return this.track(undefined, true) ?? 0;
    if (!Number.isInteger(bits) || bits < 1) {
      this.ctx.report(
        M.outOfRange,
        [name, "a whole number of bits, at least 1", D.formatQuantity(bits, D.INFORMATION)],
        value.span,
      );
      this.ok = false;
      return 0;
    }
    return bits;
  }

  quantity(
    fields: ReadonlyMap<string, Field>,
    name: string,
    dim: D.Dimension,
    optional = false,
    fallback = 0,
  ): number {
    const value = this.value(fields, name, optional);
    if (value === undefined) return fallback;
    const v = checkRange(
      this.ctx,
      readQuantity(this.ctx, value, name, dim),
      (x) => x >= 0,
      name,
      "zero or more",
      dim,
      value.span,
    );
    return this.track(v, true) ?? 0;
  }

  /** `16 x 8` (or one number for a 1-wide grid). */
  grid(
    fields: ReadonlyMap<string, Field>,
    name: string,
    fallback?: [number, number],
  ): [number, number] {
    const value = this.value(fields, name, fallback !== undefined);
    if (value === undefined) return fallback ?? [0, 0];
    const items = value.kind === "shape" ? value.items : [value];
    if (items.length > 2) {
      this.ctx.report(
        M.wrongValueKind,
        [name, "a grid such as 16 x 8", describeValue(value)],
        value.span,
      );
      this.ok = false;
      return [0, 0];
    }
    const x = this.track(readInteger(this.ctx, items[0], name, 1), true) ?? 0;
    const y =
      items[1] === undefined
        ? 1
        : (this.track(readInteger(this.ctx, items[1], name, 1), true) ?? 0);
    return [x, y];
  }

  block(
    top: ReadonlyMap<string, Field>,
    name: string,
    allowed: readonly string[],
    optional = false,
  ): ReadonlyMap<string, Field> | undefined {
    const field = top.get(name);
    if (field?.block === undefined) {
      if (!optional) {
        this.ctx.report(M.missingField, [this.owner, name], this.at);
        this.ok = false;
      }
      return optional ? undefined : new Map();
    }
    return indexFields(
      this.ctx,
      field.block,
      `The '${name}' block of ${this.owner.toLowerCase()}`,
      allowed,
    );
  }
}

export function resolveTarget(ctx: CheckContext, decl: TargetDecl): ResolvedTarget | undefined {
  const name = decl.name.name;
  const owner = `Target '${name}'`;
  const r = new TargetReader(ctx, owner, decl.name.span);
  const top = indexFields(ctx, decl.fields, owner, TOP, BLOCKS);

  const descriptionValue = r.value(top, "description", true);
  let description = "";
  if (descriptionValue?.kind === "string") description = descriptionValue.value;
  else if (descriptionValue !== undefined) {
    ctx.report(
      M.wrongValueKind,
      ["description", "a string in double quotes", describeValue(descriptionValue)],
      descriptionValue.span,
    );
    r.ok = false;
  }
  const [chipsX, chipsY] = r.grid(top, "chips", [1, 1]);
  const [meshWidth, meshHeight] = r.grid(top, "mesh");

  const coreFields = r.block(top, "core", CORE)!;
  const core = {
    maxNeurons: r.count(coreFields, "neurons", 1, false),
    maxSynapses: r.count(coreFields, "synapses", 0, true),
    synapticMemoryBits: r.bits(coreFields, "synaptic_memory", true),
    maxFanInAxons: r.count(coreFields, "fan_in", 1, true),
    maxFanOutEntries: r.count(coreFields, "fan_out", 1, true),
  };
  const routerFields = r.block(top, "router", ["entries"])!;
  const routerTableEntries = r.count(routerFields, "entries", 0, true);

  const precisionFields = r.block(top, "precision", PRECISION)!;
  const precision = {
    weightBits: r.bits(precisionFields, "weight"),
    stateBits: r.bits(precisionFields, "state"),
    delayBits: r.bits(precisionFields, "delay"),
    delayResolutionS: r.quantity(precisionFields, "delay_resolution", D.TIME),
    decayBits: r.bits(precisionFields, "decay"),
  };
  const delayMinS = r.quantity(top, "delay_min", D.TIME);
  const delayMaxS = r.quantity(top, "delay_max", D.TIME);
  if (r.ok && delayMinS > delayMaxS) {
    const shown = [D.formatQuantity(delayMaxS, D.TIME)];
    ctx.report(
      M.outOfRange,
      ["delay_max", `at least delay_min (${D.formatQuantity(delayMinS, D.TIME)})`, shown[0]!],
      top.get("delay_max")?.span,
    );
    r.ok = false;
  }

  const energyFields = r.block(top, "energy", Object.keys(ENERGY))!;
  const energy: Record<string, number> = {};
  for (const [field, key] of Object.entries(ENERGY)) {
    const dim = key === "staticPowerPerCoreW" ? D.POWER : D.ENERGY;
    energy[key] = r.quantity(energyFields, field, dim, OPTIONAL_ENERGY.includes(field), NaN);
  }
  // An idle update costs what an active one does unless the target says otherwise.
  if (Number.isNaN(energy["neuronUpdateIdleJ"]))
    energy["neuronUpdateIdleJ"] = energy["neuronUpdateJ"] ?? 0;
  if (Number.isNaN(energy["barrierJ"])) energy["barrierJ"] = 0;

  const timingFields = r.block(top, "timing", Object.keys(TIMING))!;
  const timing: Record<string, number> = {};
  for (const [field, key] of Object.entries(TIMING)) {
    timing[key] = r.quantity(timingFields, field, D.TIME, OPTIONAL_TIMING.includes(field), 0);
  }

  const learningFields = r.block(top, "learning", ["rules", "weight", "rounding"], true);
  const learning = readLearning(ctx, r, learningFields, precision.weightBits);
  const restrictionFields = r.block(
    top,
    "restrictions",
    ["destination_cores_per_neuron", "distinct_weights_per_neuron", "binary_crossbar"],
    true,
  );
  const restrictions: Record<string, number | boolean> = {};
  if (restrictionFields !== undefined) {
    if (restrictionFields.has("destination_cores_per_neuron"))
      restrictions["maxDestinationCoresPerNeuron"] = r.count(
        restrictionFields,
        "destination_cores_per_neuron",
        1,
        false,
      );
    if (restrictionFields.has("distinct_weights_per_neuron"))
      restrictions["maxDistinctWeightsPerNeuron"] = r.count(
        restrictionFields,
        "distinct_weights_per_neuron",
        1,
        false,
      );
    if (restrictionFields.has("binary_crossbar")) {
      const flag = r.track(
        readBoolean(ctx, r.value(restrictionFields, "binary_crossbar"), "binary_crossbar"),
        true,
      );
      if (flag !== undefined) restrictions["binaryCrossbar"] = flag;
    }
  }

  if (!r.ok) return undefined;
  return {
    name,
    span: decl.name.span,
    description,
    chipsX,
    chipsY,
    meshWidth,
    meshHeight,
    core,
    routerTableEntries,
    precision,
    delayMinS,
    delayMaxS,
    energy: energy as unknown as TargetEnergy,
    timing: timing as unknown as TargetTiming,
    learning,
    restrictions,
  };
}

function readLearning(
  ctx: CheckContext,
  r: TargetReader,
  fields: ReadonlyMap<string, Field> | undefined,
  weightBits: number,
): ResolvedTarget["learning"] {
  if (fields === undefined) return { rules: [], weightBits, rounding: "nearest" };
  const rulesValue = r.value(fields, "rules", true);
  const rules: ("stdp" | "reward_stdp")[] = [];
  if (rulesValue !== undefined && !(rulesValue.kind === "word" && rulesValue.name === "none")) {
    const items = rulesValue.kind === "sequence" ? rulesValue.items : [rulesValue];
    for (const item of items) {
      const rule = r.track(readChoice(ctx, item, "rules", ["stdp", "reward_stdp"] as const), true);
      if (rule !== undefined && !rules.includes(rule)) rules.push(rule);
    }
  }
  const bits = fields.has("weight") ? r.bits(fields, "weight") : weightBits;
  const roundingValue = r.value(fields, "rounding", true);
  const rounding =
    roundingValue === undefined
      ? "nearest"
      : (r.track(
          readChoice(ctx, roundingValue, "rounding", ["nearest", "stochastic"] as const),
          true,
        ) ?? "nearest");
  return { rules, weightBits: bits, rounding };
}
