import zlib from 'node:zlib'
import fc from 'fast-check'
import { crc32Combine, crc32Shift } from '../../../app/views/crc32-combine'

describe('CRC-32 of two pieces from the CRC of each', () => {
  it('is the CRC of the two together, for any bytes (empty ones too)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 }), (a, b) => {
        const whole = zlib.crc32(Buffer.concat([a, b]))
        expect(crc32Combine(zlib.crc32(a), zlib.crc32(b), crc32Shift(b.length))).toBe(whole)
      }),
      { numRuns: 300 },
    )
  })

  it('holds for a page-sized second piece and when chained over several pieces', () => {
    const pieces = [70_000, 1, 0, 32_768, 4_321].map((n, i) => Buffer.alloc(n, i * 37 + 1))
    let crc = 0
    for (const piece of pieces) crc = crc32Combine(crc, zlib.crc32(piece), crc32Shift(piece.length))
    expect(crc).toBe(zlib.crc32(Buffer.concat(pieces)))
  })
})
