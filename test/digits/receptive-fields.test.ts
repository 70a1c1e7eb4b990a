// The receptive-field picture: a valid PNG whose tiles show each neuron's weights.
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, encodeGreyPng } from "../../examples/digits/png.ts";
import { receptiveFieldGrid, weightMatrix } from "../../examples/digits/receptive-fields.ts";

describe("PNG writer", () => {
  it("computes the standard CRC-32 check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("writes a greyscale PNG whose pixel data inflates back to the image", () => {
    const grey = Uint8Array.from([0, 64, 128, 255, 1, 2]);
    const png = encodeGreyPng(grey, 3, 2);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(3);
    expect(png.readUInt32BE(20)).toBe(2);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString("ascii")).toBe("IDAT");
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(Array.from(raw)).toEqual([0, 0, 64, 128, 0, 255, 1, 2]);
  });
});

describe("receptive fields", () => {
  it("gathers synapses into one row of weights per post neuron", () => {
    const m = weightMatrix([0, 1, 1], [1, 0, 1], [5, 6, 7], 2, 2);
    expect(Array.from(m)).toEqual([0, 6, 5, 7]);
  });

  it("draws each neuron's strongest weight white and its zero weights black", () => {
    const matrix = new Float64Array(2 * 784);
    matrix[0] = 2; // neuron 0, pixel (0, 0)
    matrix[784 + 29] = 0.5; // neuron 1, pixel (1, 1)
    matrix[784 + 30] = 0.25;
    const grid = receptiveFieldGrid(matrix, 2, 1);
    // Two columns of 29-pixel tiles plus the outer border.
    expect([grid.width, grid.height]).toEqual([59, 30]);
    const at = (x: number, y: number) => grid.grey[y * grid.width + x];
    expect(at(1, 1)).toBe(255);
    expect(at(2, 1)).toBe(0);
    expect(at(30 + 1, 1 + 1)).toBe(255);
    expect(at(30 + 2, 1 + 1)).toBe(128);
    expect(at(0, 0)).toBe(96);
  });
});
