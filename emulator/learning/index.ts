/** On-chip learning for the emulator: the plasticity engine behind emulator/plasticity-hooks.ts. */
export { PlasticityEngine, createPlasticity } from "./plasticity-engine.ts";
export type { ArithmeticMode, LearningState, PlasticityOptions } from "./plasticity-engine.ts";
export { buildPlasticIndex } from "./plastic-index.ts";
export type { PlasticIndex } from "./plastic-index.ts";
export { fixedBounds, roundHalfEven, roundLsb } from "./fixed-weights.ts";
export type { FixedBounds, LearningRounding } from "./fixed-weights.ts";
export { RoundingStream } from "./prng.ts";
