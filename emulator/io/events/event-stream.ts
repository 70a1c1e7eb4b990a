/**
 * The in-memory form of a sensor recording, shared by every event-file reader, and the mapping
 * from sensor pixels to input neurons. Flat typed arrays, one entry per event: a recording of
 * millions of events never becomes millions of objects.
 */
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";

/** Events sorted by time; ties keep file order (the sort is stable). */
export interface EventStream {
  readonly x: Uint16Array;
  readonly y: Uint16Array;
  /** 1 = ON (brightness increased), 0 = OFF. */
  readonly polarity: Uint8Array;
  /** Integer picoseconds since the recording's time origin, stored in float64 (exact to 2^53). */
  readonly timePs: Float64Array;
  /** Sensor size in pixels; every event has x < width and y < height. */
  readonly width: number;
  readonly height: number;
}

export interface EventReadResult {
  /** Absent when any diagnostic is an error: a half-read recording is never returned. */
  readonly events?: EventStream;
  readonly diagnostics: Diagnostic[];
}

/** Spikes for the neurons of one input, sorted by time (stable). */
export interface InputSpikes {
  readonly neuron: Uint32Array;
  readonly timePs: Float64Array;
}

export type PolarityMode = "both" | "on" | "off" | "separate";

export interface PixelMapping {
  readonly width: number;
  readonly height: number;
  readonly polarity: PolarityMode;
}

/** Picoseconds per microsecond: every binary event format here counts microseconds. */
export const PS_PER_US = 1_000_000;

/**
 * Grows nothing: the readers know an upper bound on the event count from the file length, so
 * they allocate once and trim at the end. That keeps every allocation proportional to the file.
 */
export class EventBuffer {
  readonly x: Uint16Array;
  readonly y: Uint16Array;
  readonly polarity: Uint8Array;
  readonly timePs: Float64Array;
  count = 0;

  constructor(capacity: number) {
    this.x = new Uint16Array(capacity);
    this.y = new Uint16Array(capacity);
    this.polarity = new Uint8Array(capacity);
    this.timePs = new Float64Array(capacity);
  }

  push(x: number, y: number, polarity: number, timePs: number): void {
    const i = this.count++;
    this.x[i] = x;
    this.y[i] = y;
    this.polarity[i] = polarity;
    this.timePs[i] = timePs;
  }

  /** Copies out exactly `count` events, sorted by time (stable). */
  finish(width: number, height: number): EventStream {
    const n = this.count;
    const order = stableTimeOrder(this.timePs.subarray(0, n));
    const x = new Uint16Array(n);
    const y = new Uint16Array(n);
    const polarity = new Uint8Array(n);
    const timePs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const from = order === undefined ? i : (order[i] as number);
      x[i] = this.x[from] as number;
      y[i] = this.y[from] as number;
      polarity[i] = this.polarity[from] as number;
      timePs[i] = this.timePs[from] as number;
    }
    return { x, y, polarity, timePs, width, height };
  }
}

/**
 * The permutation that sorts `timePs` with ties in original order, or undefined when the times
 * are already non-decreasing (the common case for camera recordings, checked in one pass).
 */
export function stableTimeOrder(timePs: Float64Array): Uint32Array | undefined {
  let sorted = true;
  for (let i = 1; i < timePs.length; i++) {
    if ((timePs[i] as number) < (timePs[i - 1] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return undefined;

  const order = new Uint32Array(timePs.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Comparing the index on ties makes the engine's sort stable whatever algorithm it uses.
  order.sort((a, b) => (timePs[a] as number) - (timePs[b] as number) || a - b);
  return order;
}

/** How many input neurons a mapping addresses: two planes when polarities are kept apart. */
export function neuronsNeeded(mapping: PixelMapping): number {
  const plane = mapping.width * mapping.height;
  return mapping.polarity === "separate" ? 2 * plane : plane;
}

/**
 * Maps events to input neurons, row-major: neuron = y * width + x. With `"separate"`, ON events
 * use that index and OFF events are shifted by width * height (a [2, height, width] input whose
 * first plane is ON). `"on"` and `"off"` drop the other polarity. Events outside the mapping's
 * width and height are dropped; `inputSpikesFromFile` refuses such a mismatch before calling this.
 */
export function eventsToInputSpikes(events: EventStream, mapping: PixelMapping): InputSpikes {
  const { width, height, polarity: mode } = mapping;
  const plane = width * height;
  const neuron = new Uint32Array(events.timePs.length);
  const timePs = new Float64Array(events.timePs.length);
  let count = 0;

  for (let i = 0; i < events.timePs.length; i++) {
    const x = events.x[i] as number;
    const y = events.y[i] as number;
    const on = events.polarity[i] === 1;
    if (x >= width || y >= height) continue;
    if ((mode === "on" && !on) || (mode === "off" && on)) continue;

    const offset = mode === "separate" && !on ? plane : 0;
    neuron[count] = offset + y * width + x;
    timePs[count] = events.timePs[i] as number;
    count++;
  }

  // Events arrive sorted and filtering keeps order, so the spikes are sorted too.
  return { neuron: neuron.slice(0, count), timePs: timePs.slice(0, count) };
}
