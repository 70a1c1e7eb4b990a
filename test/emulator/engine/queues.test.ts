import { describe, expect, it } from "vitest";
import { EventQueue } from "../../../emulator/engine/event-queue.ts";
import { CrossingQueue } from "../../../emulator/engine/crossing-queue.ts";

/** A small deterministic generator for test data (not the emulator's). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe("EventQueue", () => {
  it("pops events in (time, kind, target, insertion) order", () => {
    const rand = lcg(3);
    const q = new EventQueue(4);
    const pushed: [number, number, number, number][] = [];
    for (let n = 0; n < 2000; n++) {
      // Few distinct values so that ties on every key are frequent.
      const t = Math.floor(rand() * 20);
      const kind = 1 + Math.floor(rand() * 3);
      const target = Math.floor(rand() * 4);
      q.push(t, kind, target, n, n + 1, n * 0.5);
      pushed.push([t, kind, target, n]);
    }
    pushed.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
    for (const [t, kind, target, n] of pushed) {
      q.pop();
      expect([q.topTimePs, q.topKind, q.topTarget, q.topA, q.topB, q.topC]).toEqual([
        t,
        kind,
        target,
        n,
        n + 1,
        n * 0.5,
      ]);
    }
    expect(q.size).toBe(0);
    expect(q.peekTimePs()).toBe(Infinity);
  });

  it("keeps order when pushes and pops interleave", () => {
    const rand = lcg(11);
    const q = new EventQueue();
    let last = -1;
    let now = 0;
    for (let n = 0; n < 5000; n++) {
      if (rand() < 0.6 || q.size === 0) q.push(now + Math.floor(rand() * 100), 1, 0, 0, 0, 0);
      else {
        q.pop();
        expect(q.topTimePs).toBeGreaterThanOrEqual(last);
        last = q.topTimePs;
        now = last;
      }
    }
  });
});

describe("CrossingQueue", () => {
  it("always yields the earliest prediction, ties by neuron id, after arbitrary updates", () => {
    const rand = lcg(5);
    const n = 50;
    const q = new CrossingQueue(n);
    const truth = new Float64Array(n).fill(Infinity);
    for (let step = 0; step < 20_000; step++) {
      const i = Math.floor(rand() * n);
      const t = rand() < 0.1 ? Infinity : Math.floor(rand() * 30);
      q.set(i, t);
      truth[i] = t;
      if (rand() < 0.3) {
        let best = -1;
        for (let j = 0; j < n; j++)
          if (truth[j]! < Infinity && (best < 0 || truth[j]! < truth[best]!)) best = j;
        if (best < 0) expect(q.peekTimePs()).toBe(Infinity);
        else {
          expect(q.peekTimePs()).toBe(truth[best]);
          expect(q.pop()).toBe(best);
          truth[best] = Infinity;
        }
      }
    }
  });
});
