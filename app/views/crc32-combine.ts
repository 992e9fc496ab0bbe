/**
 * CRC-32 arithmetic after zlib's crc32_combine (Mark Adler's x^(2^n) method): the CRC of
 * A followed by B worked out from the CRC of each and B's length, without reading A or B
 * again. A spliced page (spliced-gzip.ts) keeps its HTML's CRCs and shifts, so a request
 * reads only its own values' bytes, not the whole page.
 */

/** The CRC-32 polynomial, reflected. */
const POLY = 0xedb88320

/** a × b modulo the polynomial, both reflected (bit 31 is x^0). */
function multModP(a: number, b: number): number {
  let m = 0x80000000
  let p = 0
  let bb = b
  while (m !== 0) {
    if (a & m) p ^= bb
    m >>>= 1
    bb = bb & 1 ? (bb >>> 1) ^ POLY : bb >>> 1
  }
  return p >>> 0
}

/** x^(2^k) modulo the polynomial, for k = 0…31. */
const X2N: number[] = []
{
  let p = 0x40000000 // x^1
  for (let k = 0; k < 32; k++) {
    X2N.push(p)
    p = multModP(p, p)
  }
}

/** x^(8 × bytes) modulo the polynomial: what a CRC is multiplied by to move it past `bytes` bytes. */
export function crc32Shift(bytes: number): number {
  let p = 0x80000000 // x^0
  let n = bytes
  let k = 3
  while (n > 0) {
    if (n & 1) p = multModP(X2N[k & 31] as number, p)
    n = Math.floor(n / 2)
    k++
  }
  return p
}

/** The CRC-32 of A then B, from A's CRC, B's CRC and B's shift (crc32Shift of B's length). */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number {
  return (multModP(shiftB, crcA) ^ crcB) >>> 0
}
