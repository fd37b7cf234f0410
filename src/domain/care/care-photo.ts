// An uploaded photo is trusted only by its bytes: the data URL's declared
// type must match the file's magic number, and it must fit the size limit.
import { checkImage, type ImageType } from '../photos/image-bytes.js';

export const CARE_PHOTO_MAX_BYTES = 400_000;

export type PhotoCheck = { ok: true; contentType: ImageType; bytes: Buffer } | { ok: false; code: 'care_photo_type' | 'care_photo_invalid' | 'photo_too_large' };

const CODES = { type: 'care_photo_type', invalid: 'care_photo_invalid', too_large: 'photo_too_large' } as const;

export function checkPhoto(dataUrl: string): PhotoCheck {
  const m = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/=\s]*)$/.exec(dataUrl);
  if (!m) return { ok: false, code: 'care_photo_type' };
  const checked = checkImage(Buffer.from(m[2], 'base64'), m[1], CARE_PHOTO_MAX_BYTES);
  return checked.ok ? checked : { ok: false, code: CODES[checked.problem] };
}
