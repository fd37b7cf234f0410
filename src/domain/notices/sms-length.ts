// SMS length as the Chinese providers bill it: the signature 【…】 counts;
// up to 70 characters is one message, a longer one is split in parts of 67
// (the rest carries the join header). Characters are code points.
export const SINGLE_SMS_CHARS = 70;
export const LONG_SMS_PART_CHARS = 67;
/** Longest text we send (providers accept about 500; a notice should be short). */
export const MAX_SMS_CHARS = 300;

export function smsLength(text: string, signature: string): number {
  return [...`【${signature}】${text}`].length;
}

export function smsSegments(length: number): number {
  if (length <= SINGLE_SMS_CHARS) return 1;
  return Math.ceil(length / LONG_SMS_PART_CHARS);
}

export function smsFigures(text: string, signature: string): { chars: number; segments: number; tooLong: boolean } {
  const chars = smsLength(text, signature);
  return { chars, segments: smsSegments(chars), tooLong: chars > MAX_SMS_CHARS };
}
