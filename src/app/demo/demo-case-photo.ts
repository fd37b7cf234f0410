// The demo's one case photo: a torn carton drawn as a small PNG in code (no
// binary in the repository), so the demo county shows a retailer's photo on
// a packaging complaint the day it starts.
import { deflateSync } from 'node:zlib';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** 320 × 240: a brown carton on a grey shelf, its tape strip, and a dark tear across a corner. */
export function demoCasePhoto(): Buffer {
  const [w, h] = [320, 240];
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      let rgb = [200, 200, 196]; // shelf
      if (x > 40 && x < 280 && y > 30 && y < 210) rgb = [176, 128, 80]; // carton
      if (x > 40 && x < 280 && y > 105 && y < 135) rgb = [222, 196, 150]; // tape
      if (x > 180 && x < 280 && y > 30 && y < 120 && Math.abs(x - 180 - (y - 30) * 1.1) < 6) rgb = [60, 40, 30]; // tear
      if (x > 200 && x < 280 && y > 30 && y < 110 && x - 200 > (y - 30) * 1.1) rgb = [120, 84, 52]; // torn flap
      raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
