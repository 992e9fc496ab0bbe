import zlib from 'node:zlib'
import { crc32Combine, crc32Shift } from './crc32-combine'

/** gzip member header: deflate, no flags, no time, unknown OS (RFC 1952). */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff])
/** An empty stored block with BFINAL set: ends the deflate stream on a byte boundary. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff])

/** A stored (uncompressed) deflate block holding `data`; starts on a byte boundary. */
function storedBlock(data: Buffer): Buffer[] {
  const header = Buffer.alloc(5)
  header[0] = 0x00 // BFINAL 0, BTYPE 00, padding to the byte boundary
  header.writeUInt16LE(data.length, 1)
  header.writeUInt16LE(~data.length & 0xffff, 3)
  return [header, data]
}

/** Deflate looks back at most this far. */
const WINDOW = 32 * 1024
/** Length layouts of the values compiled for one page (normally one: the values have fixed lengths). */
const MAX_LAYOUTS = 4

/**
 * A page's gzip body built from pieces compressed once. The literal HTML between the
 * per-request values is deflated at the best level, each piece ending with a sync flush
 * (byte-aligned, not final). Per request, the values go in as stored blocks between them,
 * and only the CRC-32 and length are computed — microseconds instead of compressing the
 * page again. The result is one ordinary gzip member that any inflater reads.
 *
 * Each piece is deflated with everything before it as its dictionary, so it can refer back
 * across a value as a whole-page compression would: the values' bytes are stood in for by
 * NUL bytes of the same length. HTML never contains a NUL, so no match can cover one, and
 * because the lengths are the same every distance into the literal HTML is right. The
 * pieces are therefore compiled per layout of value lengths (a nonce, request id and CSRF
 * token each have a fixed length, so a page has one layout in practice).
 */
export class SplicedGzip {
  /** The pieces' bytes, kept for the CRC (a CRC over bytes is much cheaper than over a string). */
  private readonly raw: Buffer[]
  /** Each piece's CRC-32 and shift, so a request's CRC reads only its values (crc32-combine.ts). */
  private readonly rawCrc: number[]
  private readonly rawShift: number[]
  private readonly layouts = new Map<string, Buffer[]>()
  /** A page holding a NUL (never HTML) gets no look-back across values: a match could cover a stand-in. */
  private readonly acrossValues: boolean

  constructor(parts: readonly string[]) {
    this.raw = parts.map((part) => Buffer.from(part, 'utf8'))
    this.rawCrc = this.raw.map((bytes) => zlib.crc32(bytes))
    this.rawShift = this.raw.map((bytes) => crc32Shift(bytes.length))
    this.acrossValues = this.raw.every((bytes) => !bytes.includes(0))
  }

  /** Bytes held (for the cache's memory bound). */
  get size(): number {
    let sum = 0
    for (const b of this.raw) sum += b.length
    for (const blocks of this.layouts.values()) for (const b of blocks) sum += b.length
    return sum
  }

  private blocksFor(lengths: readonly number[]): Buffer[] {
    const layout = lengths.join(',')
    const known = this.layouts.get(layout)
    if (known) return known
    const blocks: Buffer[] = []
    let history = Buffer.alloc(0)
    this.raw.forEach((bytes, i) => {
      const options: zlib.ZlibOptions = { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }
      if (history.length > 0) options.dictionary = history
      blocks.push(zlib.deflateRawSync(bytes, options))
      history = this.acrossValues ? Buffer.concat([history, bytes, Buffer.alloc(lengths[i] ?? 0)]) : history
      if (history.length > WINDOW) history = history.subarray(history.length - WINDOW)
    })
    if (this.layouts.size >= MAX_LAYOUTS) this.layouts.clear()
    this.layouts.set(layout, blocks)
    return blocks
  }

  /** The gzip body of `parts[0] + values[0] + parts[1] + …`; values must be shorter than 64 KB each. */
  build(values: readonly string[]): Buffer {
    const data = this.raw.slice(0, -1).map((_, i) => Buffer.from(values[i] ?? '', 'utf8'))
    for (const d of data) if (d.length > 0xffff) throw new RangeError('A spliced value must be under 64 KB')
    const blocks = this.blocksFor(data.map((d) => d.length))
    const chunks: Buffer[] = [HEADER]
    let crc = 0
    let size = 0
    for (let i = 0; i < this.raw.length; i++) {
      const raw = this.raw[i] as Buffer
      chunks.push(blocks[i] as Buffer)
      crc = crc32Combine(crc, this.rawCrc[i] as number, this.rawShift[i] as number)
      size += raw.length
      const value = data[i]
      if (value !== undefined) {
        chunks.push(...storedBlock(value))
        crc = zlib.crc32(value, crc)
        size += value.length
      }
    }
    const trailer = Buffer.alloc(8)
    trailer.writeUInt32LE(crc >>> 0, 0)
    trailer.writeUInt32LE(size >>> 0, 4)
    chunks.push(FINAL_BLOCK, trailer)
    return Buffer.concat(chunks)
  }
}
