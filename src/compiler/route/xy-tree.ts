/**
 * Dimension-order (XY) multicast trees. A spike first travels along its source's row to every
 * column that holds a destination, then along each such column; branches fork where paths part.
 * Nodes come out in tree order (root first, a parent before its children): the row eastwards,
 * the row westwards, then for each column from west to east its northward and southward arms.
 */
import { Port } from "../../ir/types.ts";

/** Reusable output buffers; a tree never has more nodes than the grid has routers. */
export interface TreeBuffer {
  count: number;
  readonly x: Int32Array;
  readonly y: Int32Array;
  /** Parent node index within the tree, -1 for the root. */
  readonly parent: Int32Array;
  readonly ports: Uint8Array;
}

export function treeBuffer(routers: number): TreeBuffer {
  return {
    count: 0,
    x: new Int32Array(routers),
    y: new Int32Array(routers),
    parent: new Int32Array(routers),
    ports: new Uint8Array(routers),
  };
}

/**
 * Builds the tree from (sx, sy) to the destinations given as global coordinates `destX[i]`,
 * `destY[i]` for i < destCount. Scratch arrays of grid width hold per-column extents.
 */
export function buildXYTree(
  out: TreeBuffer,
  sx: number,
  sy: number,
  destX: Int32Array,
  destY: Int32Array,
  destCount: number,
  columns: ColumnScratch,
): void {
  const { minY, maxY, rowNode, destMark, width } = columns;
  const stamp = ++columns.stamp;
  let minX = sx;
  let maxX = sx;
  for (let i = 0; i < destCount; i++) {
    const x = destX[i]!;
    const y = destY[i]!;
    destMark[y * width + x] = stamp;
    if (minY[x] === NONE) {
      minY[x] = y;
      maxY[x] = y;
    } else {
      if (y < minY[x]!) minY[x] = y;
      if (y > maxY[x]!) maxY[x] = y;
    }
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
  }

  // The row: root, then east, then west.
  out.count = 0;
  const rowPorts = (x: number): number => {
    let ports = 0;
    if (x >= sx && x < maxX) ports |= Port.East;
    if (x <= sx && x > minX) ports |= Port.West;
    if (minY[x] !== NONE && minY[x]! < sy) ports |= Port.North;
    if (minY[x] !== NONE && maxY[x]! > sy) ports |= Port.South;
    return ports;
  };
  rowNode[sx] = push(out, sx, sy, -1, rowPorts(sx));
  for (let x = sx + 1; x <= maxX; x++) rowNode[x] = push(out, x, sy, rowNode[x - 1]!, rowPorts(x));
  for (let x = sx - 1; x >= minX; x--) rowNode[x] = push(out, x, sy, rowNode[x + 1]!, rowPorts(x));

  // Columns, west to east: north arm then south arm.
  for (let x = minX; x <= maxX; x++) {
    if (minY[x] === NONE) continue;
    let parent = rowNode[x]!;
    for (let y = sy - 1; y >= minY[x]!; y--)
      parent = push(out, x, y, parent, y > minY[x]! ? Port.North : 0);
    parent = rowNode[x]!;
    for (let y = sy + 1; y <= maxY[x]!; y++)
      parent = push(out, x, y, parent, y < maxY[x]! ? Port.South : 0);
  }

  // Local delivery wherever a destination sits; then clear the scratch for the next tree.
  for (let i = 0; i < out.count; i++)
    if (destMark[out.y[i]! * width + out.x[i]!] === stamp) out.ports[i]! |= Port.Local;
  for (let x = minX; x <= maxX; x++) minY[x] = NONE;
}

const NONE = -1;

/**
 * The number of nodes buildXYTree would make for the same input, in O(destCount): the row from
 * the westmost to the eastmost column, plus each destination column's arms north and south.
 */
export function countXYTreeNodes(
  sx: number,
  sy: number,
  destX: Int32Array,
  destY: Int32Array,
  destCount: number,
  columns: ColumnScratch,
): number {
  const { minY, maxY, rowNode } = columns;
  let minX = sx;
  let maxX = sx;
  let touched = 0;
  for (let i = 0; i < destCount; i++) {
    const x = destX[i]!;
    const y = destY[i]!;
    if (minY[x] === NONE) {
      minY[x] = y;
      maxY[x] = y;
      rowNode[touched++] = x;
    } else {
      if (y < minY[x]!) minY[x] = y;
      if (y > maxY[x]!) maxY[x] = y;
    }
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
  }
  let nodes = maxX - minX + 1;
  for (let i = 0; i < touched; i++) {
    const x = rowNode[i]!;
    if (minY[x]! < sy) nodes += sy - minY[x]!;
    if (maxY[x]! > sy) nodes += maxY[x]! - sy;
    minY[x] = NONE;
  }
  return nodes;
}

export interface ColumnScratch {
  readonly width: number;
  readonly minY: Int32Array;
  readonly maxY: Int32Array;
  readonly rowNode: Int32Array;
  /** Per router: equal to `stamp` when it holds a destination of the tree being built. */
  readonly destMark: Int32Array;
  stamp: number;
}

export function columnScratch(width: number, height: number): ColumnScratch {
  return {
    width,
    minY: new Int32Array(width).fill(NONE),
    maxY: new Int32Array(width),
    rowNode: new Int32Array(width),
    destMark: new Int32Array(width * height),
    stamp: 0,
  };
}

function push(out: TreeBuffer, x: number, y: number, parent: number, ports: number): number {
  const i = out.count++;
  out.x[i] = x;
  out.y[i] = y;
  out.parent[i] = parent;
  out.ports[i] = ports;
  return i;
}
