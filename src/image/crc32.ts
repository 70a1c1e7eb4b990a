/**
 * CRC-32 (IEEE 802.3, the zlib and PNG polynomial) over a byte range. Node's zlib computes it
 * natively (Node >= 20.15); the check value of "123456789" is 0xcbf43926.
 */
import { crc32 as zlibCrc32 } from "node:zlib";

export function crc32(bytes: Uint8Array): number {
  return zlibCrc32(bytes) >>> 0;
}

/** Formats a CRC the way people compare them: 0x followed by 8 hex digits. */
export function formatCrc(crc: number): string {
  return `0x${(crc >>> 0).toString(16).padStart(8, "0")}`;
}
