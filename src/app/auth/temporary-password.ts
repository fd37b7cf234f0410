// A password someone else chooses for a user — a shop's initial ordering login
// (decision 1026), an administrator's reset (0862) — shown once to that person
// to hand over; the user must change it at their next login (0860).
import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: read out over the phone or copied from a screen.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `length` characters from a 31-letter alphabet, by the CSPRNG (10 of them: about 50 bits). */
export function temporaryPassword(length = 10): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
