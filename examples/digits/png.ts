/**
 * A minimal PNG writer for 8-bit greyscale images (PNG specification, ISO/IEC 15948): signature,
 * IHDR, one zlib-compressed IDAT with filter type 0 on every row, IEND. Enough for pictures of
 * weights without a dependency.
 */
import { deflateSync } from "node:zlib";

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes `grey` (width * height bytes, row by row, 0 black .. 255 white) as a PNG file. */
export function encodeGreyPng(grey: Uint8Array, width: number, height: number): Buffer {
  if (grey.length !== width * height)
    throw new RangeError(`expected ${width * height} pixels, got ${grey.length}`);

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  // Bytes 10-12 stay 0: deflate compression, adaptive filtering, no interlace.

  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++)
    raw.set(grey.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);

  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (polynomial 0xEDB88320) over the chunk type and data, as PNG requires. */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
