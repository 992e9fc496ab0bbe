import zlib from 'node:zlib'

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

/**
 * A page's gzip body built from pieces compressed once. The literal HTML between the
 * per-request values is deflated at the best level when the page is first cached, each
 * piece ending with a sync flush (byte-aligned, not final). Per request, the values go in
 * as stored blocks between them, and only the CRC-32 and length are computed — a few
 * microseconds instead of compressing the page again. The result is one ordinary gzip
 * member that any inflater reads; pieces just cannot refer back across a value, which
 * costs a few bytes.
 */
export class SplicedGzip {
  private readonly blocks: Buffer[]
  /** The pieces' bytes, kept for the CRC (a CRC over bytes is much cheaper than over a string). */
  private readonly raw: Buffer[]

  constructor(parts: readonly string[]) {
    this.raw = parts.map((part) => Buffer.from(part, 'utf8'))
    this.blocks = this.raw.map((bytes) =>
      zlib.deflateRawSync(bytes, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }),
    )
  }

  /** Bytes held (for the cache's memory bound). */
  get size(): number {
    return [...this.blocks, ...this.raw].reduce((sum, b) => sum + b.length, 0)
  }

  /** The gzip body of `parts[0] + values[0] + parts[1] + …`; values must be shorter than 64 KB each. */
  build(values: readonly string[]): Buffer {
    const chunks: Buffer[] = [HEADER]
    let crc = 0
    let size = 0
    for (let i = 0; i < this.raw.length; i++) {
      const raw = this.raw[i] as Buffer
      chunks.push(this.blocks[i] as Buffer)
      crc = zlib.crc32(raw, crc)
      size += raw.length
      const value = values[i]
      if (value !== undefined && i < this.raw.length - 1) {
        const data = Buffer.from(value, 'utf8')
        if (data.length > 0xffff) throw new RangeError('A spliced value must be under 64 KB')
        chunks.push(...storedBlock(data))
        crc = zlib.crc32(data, crc)
        size += data.length
      }
    }
    const trailer = Buffer.alloc(8)
    trailer.writeUInt32LE(crc >>> 0, 0)
    trailer.writeUInt32LE(size >>> 0, 4)
    chunks.push(FINAL_BLOCK, trailer)
    return Buffer.concat(chunks)
  }
}
