import type { PageDictionary } from './page-dictionary'
import { dictionaryFrame, rawFrame } from './zstd-frames'

/** Compressed once per page, so the best level: a few milliseconds, once. */
const LEVEL = 19

/**
 * A cached page's `dcz` body built without compressing per request — the dictionary
 * counterpart of SplicedGzip. Each piece of literal HTML is one Zstandard frame compressed
 * once against the page dictionary; per request the values (nonce, request id, CSRF token)
 * go between them as raw frames, so they are never compressed alongside the page's text,
 * and the body costs a concatenation. The pieces cannot refer to one another, only to the
 * dictionary, which holds what they share.
 */
export class SplicedDcz {
  private readonly frames: Buffer[]

  constructor(
    parts: readonly string[],
    private readonly dictionary: PageDictionary,
  ) {
    this.frames = parts.map((part) =>
      part === '' ? Buffer.alloc(0) : dictionaryFrame(Buffer.from(part, 'utf8'), dictionary.bytes, LEVEL),
    )
  }

  /** The `dcz` body of `parts[0] + values[0] + parts[1] + …`; values are short (≤ 255 bytes). */
  build(values: readonly string[]): Buffer {
    const chunks: Buffer[] = [this.dictionary.header]
    this.frames.forEach((frame, i) => {
      chunks.push(frame)
      const value = values[i]
      if (value) chunks.push(rawFrame(Buffer.from(value, 'utf8')))
    })
    return Buffer.concat(chunks)
  }
}
