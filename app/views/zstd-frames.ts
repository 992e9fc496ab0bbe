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
      // The browser needs no checksum (the transport has its own) and a small window.
      [zlib.constants.ZSTD_c_checksumFlag]: 0,
    },
  })
}

/**
 * The frames of a Zstandard stream, in order. Node's decoder stops after the first frame,
 * so readers of several-frame bodies (tests, the benchmark) split them with this first.
 */
export function splitFrames(stream: Buffer): Buffer[] {
  const frames: Buffer[] = []
  let at = 0
  while (at < stream.length) {
    const start = at
    const magic = stream.readUInt32LE(at)
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      // Skippable frame: magic, 4-byte size, content.
      at += 8 + stream.readUInt32LE(at + 4)
      frames.push(stream.subarray(start, at))
      continue
    }
    if (magic !== 0xfd2fb528) throw new Error(`Not a zstd frame at byte ${at}`)
    const descriptor = stream[at + 4] as number
    const contentSizeFlag = descriptor >> 6
    const singleSegment = (descriptor >> 5) & 1
    const checksum = (descriptor >> 2) & 1
    const dictionaryIdBytes = [0, 1, 2, 4][descriptor & 3] as number
    const contentSizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][contentSizeFlag] as number
    at += 5 + (singleSegment ? 0 : 1) + dictionaryIdBytes + contentSizeBytes
    for (;;) {
      const header = stream.readUIntLE(at, 3)
      const last = header & 1
      const type = (header >> 1) & 3
      const size = header >> 3
      at += 3 + (type === 1 ? 1 : size)
      if (last) break
    }
    at += checksum ? 4 : 0
    frames.push(stream.subarray(start, at))
  }
  return frames
}
