import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (19 MiB, t=2), OWASP's recommended floor.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same argon2 work as a real check, for a username that does not
 * exist: the answer's timing no longer tells which usernames do.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash('zhiyin-no-such-user');
  await verifyPassword(await dummyHash, password);
  return false;
}
