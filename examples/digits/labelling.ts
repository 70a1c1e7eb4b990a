/**
 * Turning an unsupervised layer into a classifier, as in Diehl & Cook (2015):
 * 1. each neuron is labelled with the class for which its mean response over the labelling
 *    digits is highest;
 * 2. a digit is classified as the class whose labelled neurons respond most on average (the
 *    paper sums the responses per class and divides by the number of neurons of that class, so
 *    that a class with many neurons is not favoured).
 * Responses are spike counts, one row of `neurons` values per digit.
 */

/** The label of each neuron; -1 for a neuron that never responded. Ties go to the lower class. */
export function assignLabels(
  responses: Float64Array,
  labels: Uint8Array,
  neurons: number,
  classes: number,
): Int16Array {
  const digits = labels.length;
  if (responses.length !== digits * neurons)
    throw new RangeError(`expected ${digits} x ${neurons} responses, got ${responses.length}`);

  const sum = new Float64Array(classes * neurons);
  const perClass = new Float64Array(classes);
  for (let d = 0; d < digits; d++) {
    const c = labels[d]!;
    perClass[c]!++;
    for (let n = 0; n < neurons; n++) sum[c * neurons + n]! += responses[d * neurons + n]!;
  }

  const result = new Int16Array(neurons).fill(-1);
  for (let n = 0; n < neurons; n++) {
    let best = 0;
    for (let c = 0; c < classes; c++) {
      if (perClass[c] === 0) continue;
      const mean = sum[c * neurons + n]! / perClass[c]!;
      if (mean > best) {
        best = mean;
        result[n] = c;
      }
    }
  }
  return result;
}

/** The predicted class of one digit from its row of responses; -1 when no labelled neuron fired. */
export function classify(response: ArrayLike<number>, neuronLabels: Int16Array, classes: number) {
  const sum = new Float64Array(classes);
  const members = new Float64Array(classes);
  for (let n = 0; n < neuronLabels.length; n++) {
    const c = neuronLabels[n]!;
    if (c < 0) continue;
    sum[c]! += response[n]!;
    members[c]!++;
  }

  let best = -1;
  let bestScore = 0;
  for (let c = 0; c < classes; c++) {
    if (members[c] === 0) continue;
    const score = sum[c]! / members[c]!;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Fraction of digits whose prediction equals their label (an unclassified digit is wrong). */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (predicted.length !== labels.length || labels.length === 0)
    throw new RangeError("accuracy needs as many predictions as labels, and at least one");
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return right / labels.length;
}

/** Classifies every row of `responses` and returns the accuracy against `labels`. */
export function evaluate(
  responses: Float64Array,
  labels: Uint8Array,
  neuronLabels: Int16Array,
  classes: number,
): { accuracy: number; predicted: Int16Array } {
  const neurons = neuronLabels.length;
  const predicted = new Int16Array(labels.length);
  for (let d = 0; d < labels.length; d++)
    predicted[d] = classify(
      responses.subarray(d * neurons, (d + 1) * neurons),
      neuronLabels,
      classes,
    );
  return { accuracy: accuracy(predicted, labels), predicted };
}
