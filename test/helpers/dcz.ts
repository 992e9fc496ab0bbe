import { createHash } from 'node:crypto'
import zlib from 'node:zlib'
import { splitFrames } from '../../app/views/zstd-frames'

/**
 * Decodes a `dcz` body as a browser does (RFC 9842): checks the header names this
 * dictionary's SHA-256, then decodes every Zstandard frame against the dictionary and joins
 * them (Node's own decoder stops after one frame).
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
