import zlib from 'node:zlib'

/** Zstandard frame magic number, little-endian (RFC 8878, 3.1.1). */
const FRAME_MAGIC = [0x28, 0xb5, 0x2f, 0xfd]
/** Frame header descriptor: single segment, no checksum, no dictionary id, 1-byte content size. */
const SINGLE_SEGMENT_SMALL = 0x20
/** Largest block a frame may hold (RFC 8878, 3.1.1.2.3): values here are far smaller. */
const MAX_RAW = 255

/**
 * One Zstandard frame holding `data` as a raw (stored) block. Zstandard data may be several
 * frames one after another, each decoded on its own and the outputs joined (RFC 8878, 3),
 * so a per-request value can go between frames compressed once, without compressing it.
 * Values are short (a nonce, a token, an id): at most 255 bytes.
 */
export function rawFrame(data: Buffer): Buffer {
  if (data.length > MAX_RAW) throw new RangeError('A raw zstd frame here holds at most 255 bytes')
  const frame = Buffer.alloc(4 + 1 + 1 + 3 + data.length)
  frame.set(FRAME_MAGIC, 0)
  frame[4] = SINGLE_SEGMENT_SMALL
  frame[5] = data.length
  // Block header: last block, type 0 (raw), size in the upper 21 bits.
  frame.writeUIntLE(1 | (data.length << 3), 6, 3)
  data.copy(frame, 9)
  return frame
}

/** One Zstandard frame of `data` compressed against a raw-content `dictionary`. */
export function dictionaryFrame(data: Buffer, dictionary: Buffer, level: number): Buffer {
  return zlib.zstdCompressSync(data, {
    dictionary,
    params: {
      [zlib.constants.ZSTD_c_compressionLevel]: level,
      // No checksum: four bytes a frame, and the transport already checks what it carries.
      [zlib.constants.ZSTD_c_checksumFlag]: 0,
    },
  })
}
