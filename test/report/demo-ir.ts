// A small but busy placed network on two 4 x 4 chips, with tight per-core limits so that
// utilisation and traffic differ visibly between cores: the content of docs/img/report-mesh.png.
import type { ChipIR } from "../../src/ir/types.ts";
import { buildIr, type FixtureSynapse } from "../helpers/ir-fixtures.ts";

export function demoIr(): ChipIR {
  const synapses: FixtureSynapse[] = [];
  for (let h = 0; h < 120; h++) {
    for (let r = h % 4; r < 48; r += 4)
      synapses.push({ pre: ["retina", r], post: ["hidden", h], weightV: 1e-3, delayS: 1e-3 });
    synapses.push({ pre: ["hidden", h], post: ["inhib", h % 16], weightV: 2e-3, delayS: 1e-3 });
    for (let o = 0; o < 10; o++)
      synapses.push({
        pre: ["hidden", h],
        post: ["readout", o],
        weightV: 0.2e-3 + 0.01e-3 * ((h * 7 + o) % 13),
        delayS: 2e-3,
      });
  }
  for (let i = 0; i < 16; i++)
    for (let h = i; h < 120; h += 16)
      synapses.push({ pre: ["inhib", i], post: ["hidden", h], weightV: -4e-3, delayS: 1e-3 });

  const hidden = [
    [0, 2, 1],
    [0, 3, 1],
    [1, 0, 1],
    [1, 1, 2],
  ] as const;
  return buildIr({
    name: "demo",
    target: {
      name: "demo-2chip",
      chipsX: 2,
      meshWidth: 4,
      meshHeight: 4,
      maxNeuronsPerCore: 64,
      maxSynapsesPerCore: 2048,
      maxFanInAxonsPerCore: 128,
      maxFanOutEntriesPerCore: 256,
      routerTableEntries: 32,
    },
    populations: [
      { name: "retina", kind: "input", size: 48 },
      { name: "hidden", size: 120, rateHz: 15 },
      { name: "inhib", size: 16, rateHz: 40 },
      { name: "readout", size: 10, rateHz: 5 },
    ],
    placement: [
      { population: "retina", start: 0, end: 24, coreX: 0, coreY: 0 },
      { population: "retina", start: 24, end: 48, coreX: 0, coreY: 1 },
      ...hidden.map(([chipX, coreX, coreY], k) => ({
        population: "hidden",
        start: 30 * k,
        end: 30 * (k + 1),
        coreX,
        coreY,
        chipX,
      })),
      { population: "inhib", start: 0, end: 16, coreX: 2, coreY: 2 },
      { population: "readout", start: 0, end: 10, coreX: 3, coreY: 3, chipX: 1 },
    ],
    synapses,
    inputs: [
      {
        kind: "poisson",
        population: "retina",
        ratesHz: Array.from({ length: 48 }, (_, i) => 10 + 2 * i),
        seed: 3,
      },
    ],
    placer: "demo",
  });
}
