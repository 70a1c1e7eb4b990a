/**
 * Trains the Diehl & Cook (2015) network of diehl-cook.ant on real MNIST digits, labels its
 * neurons, tests it on held-out digits with learning frozen, and prints accuracy, energy per
 * classified digit beside the clocked baseline, and wall time; writes the receptive fields.
 *
 *   npx tsx examples/digits/train.ts --neurons 100 --train 1000 --test 500 --seed 1 [--epochs 1]
 *
 * Options: --present-ms / --rest-ms (default 350 / 150, the paper's), --png PATH (default
 * docs/img/receptive-fields-<neurons>.png), --label-pass (label neurons in a second pass with
 * learning frozen instead of from the training spikes), --theta-plus MV (the excitatory cells'
 * threshold step in mV instead of diehl-cook.ant's), --tau-theta MS (its decay time constant in
 * ms, or "unlimited"), --nu-post X (the potentiation rate in the paper's units, default 0.01),
 * --save-image PATH (the trained network as a chip image, for `ant run` or more tests),
 * --log-every N (off a terminal, a progress
 * line every N digits), --json (machine-readable result).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import cliProgress from "cli-progress";
import { runExperiment, type Phase } from "./experiment.ts";
import { receptiveFieldPng } from "./receptive-fields.ts";
import { writeImage, type EnergyByKind } from "../../src/index.ts";
import type { ChipIR } from "../../src/ir/types.ts";

const { values } = parseOptions({
  options: {
    neurons: { type: "string", default: "100" },
    train: { type: "string", default: "1000" },
    test: { type: "string", default: "500" },
    seed: { type: "string", default: "1" },
    epochs: { type: "string", default: "1" },
    "present-ms": { type: "string", default: "350" },
    "rest-ms": { type: "string", default: "150" },
    png: { type: "string" },
    "theta-plus": { type: "string" },
    "tau-theta": { type: "string" },
    "nu-post": { type: "string" },
    "save-image": { type: "string" },
    "log-every": { type: "string", default: "0" },
    "label-pass": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

/** parseArgs, with a usage error instead of a stack trace for an unknown or malformed option. */
function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write(
      `usage: npx tsx examples/digits/train.ts [options] (see the file's header)\n`,
    );
    process.exit(2);
  }
}

function whole(name: string, text: string | undefined, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`error: --${name} must be a whole number >= ${min}, not '${text}'\n`);
    process.exit(2);
  }
  return n;
}

const neurons = whole("neurons", values.neurons, 1);
const train = whole("train", values.train, 1);
const test = whole("test", values.test, 1);
const seed = whole("seed", values.seed, 0);
const epochs = whole("epochs", values.epochs, 1);
const presentMs = whole("present-ms", values["present-ms"], 1);
const restMs = whole("rest-ms", values["rest-ms"], 0);
const logEvery = whole("log-every", values["log-every"], 0);
/** An optional number `ok` accepts ("unlimited" reads as Infinity), or a usage error. */
function optionalNumber(
  name: string,
  ok: (x: number) => boolean,
  what: string,
): number | undefined {
  const text = values[name as keyof typeof values] as string | undefined;
  if (text === undefined) return undefined;
  const x = text === "unlimited" ? Infinity : Number(text);
  if (!ok(x)) {
    process.stderr.write(`error: --${name} must be ${what}, not '${text}'\n`);
    process.exit(2);
  }
  return x;
}

const finiteAtLeast0 = (x: number): boolean => Number.isFinite(x) && x >= 0;
const thetaPlusMv = optionalNumber("theta-plus", finiteAtLeast0, "a voltage in mV >= 0");
const tauThetaMs = optionalNumber("tau-theta", (x) => x > 0, "a time in ms > 0 or 'unlimited'");
const nuPost = optionalNumber("nu-post", finiteAtLeast0, "a number >= 0");
const saveImagePath = values["save-image"];
const labelPass = values["label-pass"];
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const pngPath = values.png ?? `${repoRoot}docs/img/receptive-fields-${neurons}.png`;

/** Writes the trained network (weights, thresholds, the run so far) as a chip image. */
function saveTrained(ir: ChipIR): void {
  mkdirSync(dirname(saveImagePath!), { recursive: true });
  writeFileSync(saveImagePath!, writeImage(ir));
}

// A progress bar only on a terminal; logs and pipes get the summary alone.
const bar = process.stderr.isTTY
  ? new cliProgress.SingleBar(
      {
        format:
          "{phase} [{bar}] {value}/{total} digits | {duration_formatted} elapsed, eta {eta_formatted}",
      },
      cliProgress.Presets.shades_classic,
    )
  : undefined;
let barPhase: Phase | undefined;
const wallStart = performance.now();
function onProgress(phase: Phase, done: number, total: number): void {
  // Off a terminal, --log-every N prints a line every N digits, so long runs can be followed.
  if (bar === undefined) {
    if (logEvery > 0 && (done % logEvery === 0 || done === total)) {
      const s = ((performance.now() - wallStart) / 1000).toFixed(0);
      process.stderr.write(`${phase} ${done}/${total} digits, ${s} s\n`);
    }
    return;
  }
  if (phase !== barPhase) {
    if (barPhase !== undefined) bar.stop();
    bar.start(total, 0, { phase: phase.padEnd(5) });
    barPhase = phase;
  }
  bar.update(done);
}

const result = runExperiment({
  neurons,
  train,
  test,
  seed,
  epochs,
  presentMs,
  restMs,
  labelPass,
  thetaPlusMv,
  tauThetaMs,
  nuPost,
  onTrained: saveImagePath === undefined ? undefined : saveTrained,
  onProgress,
});
bar?.stop();
const wallS = (performance.now() - wallStart) / 1000;

mkdirSync(dirname(pngPath), { recursive: true });
writeFileSync(pngPath, receptiveFieldPng(result.weightsV, neurons));

const report = result.testReport;
const perDigit = (j: number): number => j / result.testDigits;
const labelled = result.neuronLabels.filter((c) => c >= 0).length;

if (values.json) {
  const byKind = (e: EnergyByKind): Record<string, number> =>
    Object.fromEntries(Object.entries(e).map(([k, v]) => [k, perDigit(v)]));
  const json = {
    neurons,
    train,
    test,
    seed,
    epochs,
    presentMs,
    restMs,
    thetaPlusMv: thetaPlusMv ?? null,
    nuPost: nuPost ?? null,
    tauThetaMs:
      tauThetaMs === undefined ? null : tauThetaMs === Infinity ? "unlimited" : tauThetaMs,
    accuracy: result.accuracy,
    labelledNeurons: labelled,
    energyPerDigitJ: byKind(report.energy),
    clockedEnergyPerDigitJ: perDigit(report.clocked.totalJ),
    clockedStaticPerDigitJ: perDigit(report.clocked.staticJ),
    clockedStepS: report.clocked.stepPs / 1e12,
    presentations: result.presentations,
    wallS: {
      total: wallS,
      ...Object.fromEntries(Object.entries(result.wallMs).map(([k, v]) => [k, v / 1000])),
    },
    png: pngPath,
  };
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
} else {
  const uJ = (j: number): string => `${(perDigit(j) * 1e6).toFixed(2)} uJ`;
  const e = report.energy;
  const changed = [
    thetaPlusMv === undefined ? "" : `theta_plus ${thetaPlusMv} mV`,
    tauThetaMs === undefined
      ? ""
      : `tau_theta ${tauThetaMs === Infinity ? "unlimited" : `${tauThetaMs} ms`}`,
    nuPost === undefined ? "" : `nu_post ${nuPost}`,
  ].filter((x) => x !== "");
  const lines = [
    `Diehl & Cook network, ${neurons} excitatory neurons, seed ${seed}`,
    ...(changed.length === 0 ? [] : [`  changed from diehl-cook.ant: ${changed.join(", ")}`]),
    `  trained on ${train} digits x ${epochs} epoch(s), ${result.presentations.train} presentations`,
    `  labelled ${labelled} of ${neurons} neurons ` +
      (labelPass
        ? "in a second pass over the training digits (learning frozen)"
        : "from their spikes in the second half of the last epoch"),
    `  accuracy on ${test} held-out digits: ${(result.accuracy * 100).toFixed(1)}%`,
    `Energy per classified digit (event-driven, ant-ref, test phase):`,
    `  total ${uJ(e.totalJ)}: synaptic ops ${uJ(e.synOpsJ)}, neuron updates ${uJ(e.neuronUpdatesJ)},`,
    `  spikes out ${uJ(e.spikesOutJ)}, routing ${uJ(e.routingJ)}, learning ${uJ(e.learnUpdatesJ)},`,
    `  static ${uJ(e.staticJ)}`,
    `  clocked baseline (${report.clocked.stepPs / 1e9} ms steps), same work: ` +
      `${uJ(report.clocked.totalJ)} (${report.clockedRatio.toFixed(2)} x)`,
    `  without static power: event-driven ${uJ(e.totalJ - e.staticJ)}, ` +
      `clocked ${uJ(report.clocked.totalJ - report.clocked.staticJ)}`,
    `Wall time ${wallS.toFixed(1)} s: compile ${(result.wallMs.compile / 1000).toFixed(1)} s, ` +
      `train ${(result.wallMs.train / 1000).toFixed(1)} s, label ${(result.wallMs.label / 1000).toFixed(1)} s, ` +
      `test ${(result.wallMs.test / 1000).toFixed(1)} s`,
    `Receptive fields: ${pngPath}`,
    ...(saveImagePath === undefined ? [] : [`Trained network: ${saveImagePath}`]),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
