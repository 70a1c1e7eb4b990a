// Labelling and accuracy on synthetic responses whose answer is known by construction.
import { describe, expect, it } from "vitest";
import { accuracy, assignLabels, classify, evaluate } from "../../examples/digits/labelling.ts";

/** 3 classes, 6 neurons: neurons 2c and 2c+1 answer class c (rate 10), others a little (1). */
function synthetic(labels: number[]): Float64Array {
  const neurons = 6;
  const responses = new Float64Array(labels.length * neurons);
  labels.forEach((c, d) => {
    for (let n = 0; n < neurons; n++) responses[d * neurons + n] = Math.floor(n / 2) === c ? 10 : 1;
  });
  return responses;
}

describe("neuron labelling", () => {
  it("labels each neuron with the class it responds to most", () => {
    const labels = Uint8Array.from([0, 1, 2, 2, 1, 0]);
    expect(Array.from(assignLabels(synthetic([...labels]), labels, 6, 3))).toEqual([
      0, 0, 1, 1, 2, 2,
    ]);
  });

  it("uses the mean response per class, so a frequent class does not win by count alone", () => {
    // Neuron 0 answers 4 per digit of class 0 (seen 9 times) and 5 per digit of class 1 (once).
    const labels = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const responses = Float64Array.from([4, 4, 4, 4, 4, 4, 4, 4, 4, 5]);
    expect(Array.from(assignLabels(responses, labels, 1, 2))).toEqual([1]);
  });

  it("leaves a neuron that never fired unlabelled", () => {
    const labels = Uint8Array.from([0, 1]);
    expect(Array.from(assignLabels(Float64Array.from([0, 3, 0, 0]), labels, 2, 2))).toEqual([
      -1, 0,
    ]);
  });

  it("refuses responses whose size does not match digits times neurons", () => {
    expect(() => assignLabels(new Float64Array(5), Uint8Array.from([0, 1]), 3, 2)).toThrow(
      /expected 2 x 3 responses/,
    );
  });
});

describe("classification and accuracy", () => {
  const neuronLabels = Int16Array.from([0, 0, 1, 1, 2, 2]);

  it("classifies a digit as the class whose neurons respond most on average", () => {
    expect(classify([0, 0, 1, 1, 9, 0], neuronLabels, 3)).toBe(2);
    // Class 0 has one strong neuron; class 1 two moderate ones with a higher mean.
    expect(classify([7, 0, 4, 4, 0, 0], neuronLabels, 3)).toBe(1);
  });

  it("returns -1 for a digit that drew no spikes, which counts as wrong", () => {
    expect(classify([0, 0, 0, 0, 0, 0], neuronLabels, 3)).toBe(-1);
    expect(accuracy([-1, 1], [0, 1])).toBe(0.5);
  });

  it("reaches 100% on responses that separate the classes and 1/3 on shuffled labels", () => {
    const truth = [0, 1, 2, 0, 1, 2, 0, 1, 2];
    const responses = synthetic(truth);
    expect(evaluate(responses, Uint8Array.from(truth), neuronLabels, 3).accuracy).toBe(1);
    const wrong = Int16Array.from([1, 1, 2, 2, 0, 0]);
    expect(evaluate(responses, Uint8Array.from(truth), wrong, 3).accuracy).toBe(0);
  });

  it("refuses to compute an accuracy over no digits", () => {
    expect(() => accuracy([], [])).toThrow(RangeError);
  });
});
