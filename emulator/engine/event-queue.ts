/**
 * The engine's pending events: a binary min-heap over parallel typed arrays (no object per
 * event). An event is ordered by (time, kind, target, sequence number): `key` packs kind and
 * target as `kind * 2^32 + target`, exact in a float64, and the sequence number is the order of
 * insertion, so ties resolve the same way on every run.
 *
 * Payload: `a` and `b` are 32-bit integers, `c` a float64; their meaning depends on the kind
 * (see engine/event-kinds.ts).
 *
 * Hot path: push and pop are written out by hand; `top*` fields expose the popped event without
 * allocating a record.
 */

const KIND_SCALE = 4294967296; // 2^32: targets are below it, so kind * 2^32 + target is exact.

/** The pending events, unpacked, for a saved run (emulator/snapshot/). */
export interface QueueState {
  readonly timePs: Float64Array;
  readonly kind: Uint8Array;
  readonly target: Uint32Array;
  readonly seq: Float64Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly c: Float64Array;
  /** Sequence number of the next event pushed. */
  readonly nextSeq: number;
}

export class EventQueue {
  size = 0;

  // The last popped event.
  topTimePs = 0;
  topKind = 0;
  topTarget = 0;
  topA = 0;
  topB = 0;
  topC = 0;

  private time: Float64Array;
  private key: Float64Array;
  private seq: Float64Array;
  private a: Int32Array;
  private b: Int32Array;
  private c: Float64Array;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.time = new Float64Array(n);
    this.key = new Float64Array(n);
    this.seq = new Float64Array(n);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    this.c = new Float64Array(n);
  }

  /** Earliest pending time, or Infinity when empty. */
  peekTimePs(): number {
    return this.size === 0 ? Infinity : this.time[0]!;
  }

  /** Pending events held, in bytes (for the memory figure). */
  capacityBytes(): number {
    return this.time.length * (8 * 4 + 4 * 2);
  }

  clear(): void {
    this.size = 0;
  }

  push(timePs: number, kind: number, target: number, a: number, b: number, c: number): void {
    if (this.size === this.time.length) this.grow();
    const key = kind * KIND_SCALE + target;
    const seq = this.nextSeq++;

    // Sift up: move parents down until the new event's slot is found.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.time[p]!;
      if (pt < timePs) break;
      if (pt === timePs) {
        const pk = this.key[p]!;
        if (pk < key || (pk === key && this.seq[p]! < seq)) break;
      }
      this.move(p, i);
      i = p;
    }
    this.time[i] = timePs;
    this.key[i] = key;
    this.seq[i] = seq;
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
  }

  /** Removes the earliest event into the `top*` fields. The caller checks `size > 0` first. */
  pop(): void {
    const key0 = this.key[0]!;
    this.topTimePs = this.time[0]!;
    this.topKind = Math.floor(key0 / KIND_SCALE);
    this.topTarget = key0 - this.topKind * KIND_SCALE;
    this.topA = this.a[0]!;
    this.topB = this.b[0]!;
    this.topC = this.c[0]!;

    const last = --this.size;
    if (last === 0) return;
    const t = this.time[last]!;
    const k = this.key[last]!;
    const s = this.seq[last]!;

    // Sift down the former last event from the root.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && this.less(right, child)) child = right;
      const ct = this.time[child]!;
      if (ct > t) break;
      if (ct === t) {
        const ck = this.key[child]!;
        if (ck > k || (ck === k && this.seq[child]! > s)) break;
      }
      this.move(child, i);
      i = child;
    }
    this.time[i] = t;
    this.key[i] = k;
    this.seq[i] = s;
    this.a[i] = this.a[last]!;
    this.b[i] = this.b[last]!;
    this.c[i] = this.c[last]!;
  }

  /** Copies of the pending events, in heap order. */
  saveState(): QueueState {
    const n = this.size;
    const kind = new Uint8Array(n);
    const target = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      kind[i] = Math.floor(this.key[i]! / KIND_SCALE);
      target[i] = this.key[i]! - kind[i]! * KIND_SCALE;
    }
    return {
      timePs: this.time.slice(0, n),
      kind,
      target,
      seq: this.seq.slice(0, n),
      a: this.a.slice(0, n),
      b: this.b.slice(0, n),
      c: this.c.slice(0, n),
      nextSeq: this.nextSeq,
    };
  }

  /**
   * Replaces the contents with saved events and their sequence numbers. The heap is rebuilt, so
   * any order is accepted; events pop in (time, kind, target, seq) order either way, and a heap
   * saved by saveState is already in order and stays as it was.
   */
  restoreState(state: QueueState): void {
    const n = state.timePs.length;
    while (this.time.length < n) this.grow();
    this.size = n;
    this.nextSeq = state.nextSeq;
    for (let i = 0; i < n; i++) {
      this.time[i] = state.timePs[i]!;
      this.key[i] = state.kind[i]! * KIND_SCALE + state.target[i]!;
      this.seq[i] = state.seq[i]!;
      this.a[i] = state.a[i]!;
      this.b[i] = state.b[i]!;
      this.c[i] = state.c[i]!;
    }
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Moves the event at slot i down until its children come after it (restoreState only). */
  private siftDown(i: number): void {
    const last = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) return;
      if (child + 1 < last && this.less(child + 1, child)) child++;
      if (!this.less(child, i)) return;
      this.swap(child, i);
      i = child;
    }
  }

  private swap(x: number, y: number): void {
    for (const array of [this.time, this.key, this.seq, this.a, this.b, this.c]) {
      const t = array[x]!;
      array[x] = array[y]!;
      array[y] = t;
    }
  }

  private less(x: number, y: number): boolean {
    const tx = this.time[x]!;
    const ty = this.time[y]!;
    if (tx !== ty) return tx < ty;
    const kx = this.key[x]!;
    const ky = this.key[y]!;
    if (kx !== ky) return kx < ky;
    return this.seq[x]! < this.seq[y]!;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from]!;
    this.key[to] = this.key[from]!;
    this.seq[to] = this.seq[from]!;
    this.a[to] = this.a[from]!;
    this.b[to] = this.b[from]!;
    this.c[to] = this.c[from]!;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const widen = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.time = widen(this.time, (m) => new Float64Array(m));
    this.key = widen(this.key, (m) => new Float64Array(m));
    this.seq = widen(this.seq, (m) => new Float64Array(m));
    this.a = widen(this.a, (m) => new Int32Array(m));
    this.b = widen(this.b, (m) => new Int32Array(m));
    this.c = widen(this.c, (m) => new Float64Array(m));
  }
}
