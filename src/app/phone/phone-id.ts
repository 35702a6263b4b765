/**
 * A ULID made on the phone (`PhoneFilingId`, CN4): 48 bits of milliseconds and 80 random
 * bits in Crockford base32. Written here instead of importing the store's `newId` (ulidx): the
 * phone loads no store code, and a filing needs no monotonic ordering within a millisecond.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newPhoneId(nowMs: number = Date.now()): string {
  let time = '';
  let ms = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  let rest = '';
  for (const b of random) rest += ALPHABET[b % 32];
  return time + rest;
}
