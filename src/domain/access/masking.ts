// Masking of personal data for viewers whose role does not need it.

/** 13812345678 → 138****5678; 0731-23456789 → 0731-****6789 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3 + (phone.startsWith('0') ? 2 : 0)).padEnd(phone.length - 4, '*') + phone.slice(-4);
}

/** 李建国 → 李** */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

/** 430281198001011234 → 4302**********1234 */
export function maskIdNumber(id: string): string {
  return id.slice(0, 4) + '*'.repeat(Math.max(id.length - 8, 0)) + id.slice(-4);
}
