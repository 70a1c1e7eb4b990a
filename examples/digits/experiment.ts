/**
 * One digit-learning experiment from start to end, shared by train.ts and the tests:
 * 1. compile examples/digits/diehl-cook.ant for `ant-ref` with the requested layer size;
 * 2. split the 10,000 MNIST digits of the `mnist` package into training and held-out test digits;
 * 3. train for some epochs with STDP on and weight normalisation after every digit;
 * 4. label each neuron with the class it answers most over the second half of the last training
 *    epoch, from the spikes it drew while learning, as the paper's code does (its labels come
 *    from the latest 10,000 training digits); `labelPass` instead presents the training digits
 *    again with learning frozen, which costs a second pass;
 * 5. present the test digits (learning still frozen) and classify them; the energy report
 *    covers this test phase only, so "per classified digit" means the inference cost.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadProgramFromText } from "../../dsl/index.ts";
import { compileProgram, loadTarget } from "../../src/compiler/index.ts";
import { hasErrors } from "../../src/diagnostics/diagnostic.ts";
import { renderDiagnostics } from "../../src/diagnostics/render.ts";
import type { ChipIR } from "../../src/ir/types.ts";
import { Emulator, type RunReport } from "../../emulator/api.ts";
import { assignLabels, evaluate } from "./labelling.ts";
import {
  CLASSES,
  PIXELS,
  loadMnistDigits,
  splitDigits,
  subset,
  type DigitSet,
} from "./mnist-data.ts";
import { weightMatrix } from "./receptive-fields.ts";
import { DigitTrainer, type DigitNetworkNames } from "./trainer.ts";

export const NETWORK_FILE = fileURLToPath(new URL("./diehl-cook.ant", import.meta.url));

/** Names used in diehl-cook.ant. */
export const NAMES: DigitNetworkNames = {
  input: "pixels",
  excitatory: "exc",
  inputProjection: "input_weights",
};

/**
 * Paper: each neuron's input weights are scaled to sum to 78 (conductance units), i.e. a mean of
 * about 0.1 per pixel; times the excitatory driving force of diehl-cook.ant (60 mV).
 */
export const WEIGHT_SUM_V = 78 * 0.06;

const MS_PS = 1e9;

/** An experiment; the NetworkChanges fields change diehl-cook.ant's parameters. */
export interface ExperimentOptions extends NetworkChanges {
  readonly neurons: number;
  readonly train: number;
  readonly test: number;
  readonly seed: number;
  readonly epochs?: number;
  /** Arithmetic of the emulated neurons and learning; default float. */
  readonly mode?: "float" | "fixed";
  /** Presentation and rest per digit; default the paper's 350 ms and 150 ms. */
  readonly presentMs?: number;
  readonly restMs?: number;
  /** Called with the trained network (learned weights and thresholds) before labelling. */
  readonly onTrained?: (ir: ChipIR) => void;
  /** Label neurons in a separate pass over the training digits with learning frozen. */
  readonly labelPass?: boolean;
  /** Called after every presented digit with the phase and digits done in it. */
  readonly onProgress?: (phase: Phase, done: number, total: number) => void;
}

export type Phase = "train" | "label" | "test";

export interface ExperimentResult {
  readonly accuracy: number;
  /** Label of each excitatory neuron (-1: never fired while labelling). */
  readonly neuronLabels: Int16Array;
  /** Energy and clocked baseline of the test phase. */
  readonly testReport: RunReport;
  readonly testDigits: number;
  /** Post-major input weights (neurons x 784, volts), for the receptive-field picture. */
  readonly weightsV: Float64Array;
  readonly wallMs: { compile: number; train: number; label: number; test: number };
  /** Digit presentations including repeats at higher intensity, per phase. */
  readonly presentations: { train: number; label: number; test: number };
}

/** Parameters of diehl-cook.ant that an experiment may change; unset ones keep the file's. */
export interface NetworkChanges {
  /** The excitatory cells' threshold step per spike, in mV. */
  readonly thetaPlusMv?: number;
  /** Its decay time constant in ms; Infinity for `unlimited`. */
  readonly tauThetaMs?: number;
  /** The potentiation rate in the paper's conductance units (a_plus = nuPost x 60 mV). */
  readonly nuPost?: number;
}

/** Compiles diehl-cook.ant for the reference target with `let neurons = N` and `changes`. */
export function compileDigitNetwork(neurons: number, changes: NetworkChanges = {}): ChipIR {
  if (!Number.isInteger(neurons) || neurons < 1)
    throw new RangeError(`the layer needs a whole number of neurons, not ${neurons}`);
  const original = readFileSync(NETWORK_FILE, "utf8");
  let text = replaceLine(original, /^let neurons = \d+$/m, `let neurons = ${neurons}`);
  const { thetaPlusMv, tauThetaMs, nuPost } = changes;
  if (thetaPlusMv !== undefined) {
    if (!(thetaPlusMv >= 0) || !Number.isFinite(thetaPlusMv))
      throw new RangeError(`theta_plus must be a finite voltage >= 0, not ${thetaPlusMv} mV`);
    text = replaceLine(text, /theta_plus = [0-9.]+ mV/, `theta_plus = ${thetaPlusMv} mV`);
  }
  if (tauThetaMs !== undefined) {
    if (!(tauThetaMs > 0))
      throw new RangeError(`tau_theta must be a time > 0, not ${tauThetaMs} ms`);
    const value = tauThetaMs === Infinity ? "unlimited" : `${tauThetaMs} ms`;
    text = replaceLine(text, /tau_theta = (unlimited|[0-9.e]+ ms)/, `tau_theta = ${value}`);
  }
  if (nuPost !== undefined) {
    if (!(nuPost >= 0) || !Number.isFinite(nuPost))
      throw new RangeError(`the potentiation rate must be a finite number >= 0, not ${nuPost}`);
    text = replaceLine(text, /a_plus = [0-9.e]+ \* drive_exc/, `a_plus = ${nuPost} * drive_exc`);
  }

  const loaded = loadProgramFromText(NETWORK_FILE, text);
  if (loaded.program === undefined || hasErrors(loaded.diagnostics))
    throw new Error(renderDiagnostics(loaded.diagnostics, loaded.sources));
  const target = loadTarget("ant-ref");
  if (target.target === undefined)
    throw new Error(renderDiagnostics(target.diagnostics, target.sources));
  const compiled = compileProgram(loaded.program, target.target, {});
  if (compiled.ir === undefined || hasErrors(compiled.diagnostics))
    throw new Error(renderDiagnostics(compiled.diagnostics, loaded.sources));
  return compiled.ir;
}

/** Replaces the one match of `pattern`, or says which line the network file is missing. */
function replaceLine(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text))
    throw new Error(`'${NETWORK_FILE}' has no line matching ${pattern} to change`);
  return text.replace(pattern, replacement);
}

export function runExperiment(options: ExperimentOptions): ExperimentResult {
  const epochs = options.epochs ?? 1;
  const progress = options.onProgress;

  let t0 = performance.now();
  const ir = compileDigitNetwork(options.neurons, options);
  const compileMs = performance.now() - t0;

  const [pool, testSet] = splitDigits(loadMnistDigits(), options.test, options.seed);
  if (options.train > pool.count)
    throw new RangeError(`only ${pool.count} digits are left for training, not ${options.train}`);
  const trainSet = subset(
    pool,
    Uint32Array.from({ length: options.train }, (_, i) => i),
  );

  const emulator = new Emulator(ir, { mode: options.mode ?? "float", seed: options.seed });
  const trainer = new DigitTrainer(emulator, {
    names: NAMES,
    neurons: options.neurons,
    presentPs: (options.presentMs ?? 350) * MS_PS,
    restPs: (options.restMs ?? 150) * MS_PS,
    weightSumV: WEIGHT_SUM_V,
  });

  // Training: the paper's normalisation before the first digit too, so every neuron starts equal.
  t0 = performance.now();
  trainer.normalise();
  let learned: Float64Array = new Float64Array(0);
  for (let epoch = 0; epoch < epochs; epoch++)
    learned = trainer.train(trainSet, (d) =>
      progress?.("train", epoch * trainSet.count + d, epochs * trainSet.count),
    );
  const trainMs = performance.now() - t0;
  const trainPresentations = trainer.presentations;
  options.onTrained?.(emulator.toIr());

  t0 = performance.now();
  let neuronLabels: Int16Array;
  if (options.labelPass ?? false) {
    const responses = trainer.responses(trainSet, (d) => progress?.("label", d, trainSet.count));
    neuronLabels = assignLabels(responses, trainSet.labels, options.neurons, CLASSES);
  } else {
    const from = Math.floor(trainSet.count / 2);
    neuronLabels = assignLabels(
      learned.subarray(from * options.neurons),
      trainSet.labels.subarray(from),
      options.neurons,
      CLASSES,
    );
  }
  const labelMs = performance.now() - t0;
  const labelPresentations = trainer.presentations - trainPresentations;

  t0 = performance.now();
  emulator.resetCounters();
  const testResponses = trainer.responses(testSet, (d) => progress?.("test", d, testSet.count));
  const testReport = emulator.report();
  const { accuracy } = evaluate(testResponses, testSet.labels, neuronLabels, CLASSES);
  const testMs = performance.now() - t0;

  const { pre, post, weightV } = emulator.weights(NAMES.inputProjection);
  return {
    accuracy,
    neuronLabels,
    testReport,
    testDigits: testSet.count,
    weightsV: weightMatrix(pre, post, weightV, PIXELS, options.neurons),
    wallMs: { compile: compileMs, train: trainMs, label: labelMs, test: testMs },
    presentations: {
      train: trainPresentations,
      label: labelPresentations,
      test: trainer.presentations - trainPresentations - labelPresentations,
    },
  };
}

export type { DigitSet };
