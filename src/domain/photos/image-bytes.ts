// An uploaded image is trusted only by its bytes: the magic number says what
// it is, whatever the name, the declared type or the data URL claim. Shared
// by care's proof photos and the service desk's case photos (decision 1020).
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** JPEG, PNG or WebP by the first bytes; null for anything else (HTML, SVG, a PDF, a truncated file). */
export function sniffImage(b: Uint8Array): ImageType | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.length >= 12 && buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

export type ImageCheck = { ok: true; contentType: ImageType; bytes: Buffer } | { ok: false; problem: 'type' | 'invalid' | 'too_large' };

/**
 * Bytes with the type they were declared as: refused when the declared type is
 * not an image we take ('type'), larger than `maxBytes` ('too_large'), or the
 * bytes are not that image ('invalid').
 */
export function checkImage(bytes: Buffer, declared: string, maxBytes: number): ImageCheck {
  if (!(IMAGE_TYPES as readonly string[]).includes(declared)) return { ok: false, problem: 'type' };
  if (bytes.length > maxBytes) return { ok: false, problem: 'too_large' };
  if (sniffImage(bytes) !== declared) return { ok: false, problem: 'invalid' };
  return { ok: true, contentType: declared as ImageType, bytes };
}
