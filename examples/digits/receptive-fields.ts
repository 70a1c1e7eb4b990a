/**
 * The picture of what the layer learned: each excitatory neuron's 784 input weights as a 28 x 28
 * tile, tiles in a near-square grid separated by a 1-pixel gap, each tile scaled to its own
 * largest weight (white), saved as a greyscale PNG.
 */
import { SIDE } from "./mnist-data.ts";
import { encodeGreyPng } from "./png.ts";

/**
 * Gathers a projection's synapses (pre and post indices within their populations) into a dense
 * post-major matrix: row n holds the `preCount` weights onto neuron n; absent synapses are 0.
 */
export function weightMatrix(
  pre: ArrayLike<number>,
  post: ArrayLike<number>,
  weightV: ArrayLike<number>,
  preCount: number,
  postCount: number,
): Float64Array {
  const matrix = new Float64Array(preCount * postCount);
  for (let s = 0; s < weightV.length; s++) matrix[post[s]! * preCount + pre[s]!] = weightV[s]!;
  return matrix;
}

export interface TileGrid {
  readonly width: number;
  readonly height: number;
  readonly grey: Uint8Array;
}

/** Lays out one 28 x 28 tile per neuron (rows of `matrix`, 784 weights each). */
export function receptiveFieldGrid(matrix: Float64Array, neurons: number, scale = 2): TileGrid {
  const pixels = SIDE * SIDE;
  const columns = Math.ceil(Math.sqrt(neurons));
  const rows = Math.ceil(neurons / columns);
  const tile = SIDE * scale + 1;
  const width = columns * tile + 1;
  const height = rows * tile + 1;
  const grey = new Uint8Array(width * height).fill(96); // grey gaps separate the tiles

  for (let n = 0; n < neurons; n++) {
    const row = matrix.subarray(n * pixels, (n + 1) * pixels);
    let max = 0;
    for (let i = 0; i < pixels; i++) max = Math.max(max, row[i]!);
    const x0 = (n % columns) * tile + 1;
    const y0 = Math.floor(n / columns) * tile + 1;
    for (let y = 0; y < SIDE * scale; y++)
      for (let x = 0; x < SIDE * scale; x++) {
        const w = row[Math.floor(y / scale) * SIDE + Math.floor(x / scale)]!;
        grey[(y0 + y) * width + x0 + x] = max > 0 ? Math.round((255 * Math.max(0, w)) / max) : 0;
      }
  }
  return { width, height, grey };
}

export function receptiveFieldPng(matrix: Float64Array, neurons: number, scale = 2): Buffer {
  const grid = receptiveFieldGrid(matrix, neurons, scale);
  return encodeGreyPng(grid.grey, grid.width, grid.height);
}
