import { createHash } from 'node:crypto'
import zlib from 'node:zlib'

/** The page dictionary a page links, or '' if it links none. */
export const dictionaryUrlIn = (html: string): string =>
  /<link rel="compression-dictionary" href="([^"]+)">/.exec(html)?.[1] ?? ''

/** `Available-Dictionary` as a browser holding these bytes sends it. */
export const availableDictionary = (bytes: Buffer): string => `:${createHash('sha256').update(bytes).digest('base64')}:`

/**
 * Decodes a `dcz` body as a browser does (RFC 9842): checks the header names this
 * dictionary's SHA-256, then decodes every Zstandard frame against the dictionary and joins
 * them. The header is written out here from RFC 9842, not taken from the code under test.
 */
export function decodeDcz(body: Buffer, dictionary: Buffer): string {
  const magic = Buffer.from([0x5e, 0x2a, 0x4d, 0x18, 0x20, 0x00, 0x00, 0x00])
  if (!body.subarray(0, 8).equals(magic)) throw new Error('dcz body without its header')
  const sha = createHash('sha256').update(dictionary).digest()
  if (!body.subarray(8, 40).equals(sha)) throw new Error('dcz body for another dictionary')
  return Buffer.concat(
    splitFrames(body.subarray(40)).map((frame) => zlib.zstdDecompressSync(frame, { dictionary })),
  ).toString('utf8')
}

/**
 * The frames of a Zstandard stream, in order. Node's decoder stops after the first frame,
 * so a reader of several-frame bodies splits them first.
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
