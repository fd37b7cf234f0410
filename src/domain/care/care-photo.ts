// An uploaded photo is trusted only by its bytes: the data URL's declared
// type must match the file's magic number, and it must fit the size limit.
export const CARE_PHOTO_MAX_BYTES = 400_000;

export type PhotoCheck = { ok: true; contentType: 'image/jpeg' | 'image/png' | 'image/webp'; bytes: Buffer } | { ok: false; code: 'care_photo_type' | 'care_photo_invalid' | 'photo_too_large' };

export function checkPhoto(dataUrl: string): PhotoCheck {
  const m = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/=\s]*)$/.exec(dataUrl);
  if (!m) return { ok: false, code: 'care_photo_type' };
  const bytes = Buffer.from(m[2], 'base64');
  if (bytes.length > CARE_PHOTO_MAX_BYTES) return { ok: false, code: 'photo_too_large' };
  const type = m[1] as 'image/jpeg' | 'image/png' | 'image/webp';
  if (sniff(bytes) !== type) return { ok: false, code: 'care_photo_invalid' };
  return { ok: true, contentType: type, bytes };
}

function sniff(b: Buffer): string | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}
