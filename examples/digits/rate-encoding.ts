/**
 * Poisson rate coding of a digit, as in Diehl & Cook (2015): each pixel drives one input neuron
 * at a rate proportional to its intensity, 63.75 Hz for a white pixel (intensity / 4 of the
 * 0..255 pixel value). When a digit draws too few output spikes, the paper raises the input
 * intensity one step, which adds 255 / 8 = 31.875 Hz (about 32 Hz) to the white-pixel rate and
 * scales every other pixel in proportion, and presents the digit again.
 */

export const MAX_RATE_HZ = 63.75;
export const INTENSITY_STEP_HZ = 255 / 8;

/** Rates for one digit (intensities in [0, 1]) at `boost` intensity steps above the base. */
export function digitRatesHz(
  intensities: ArrayLike<number>,
  boost = 0,
  out = new Float64Array(intensities.length),
): Float64Array {
  const whiteHz = MAX_RATE_HZ + boost * INTENSITY_STEP_HZ;
  for (let i = 0; i < intensities.length; i++) out[i] = intensities[i]! * whiteHz;
  return out;
}
