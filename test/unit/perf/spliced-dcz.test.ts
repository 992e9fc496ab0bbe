import { randomBytes } from 'node:crypto'
import zlib from 'node:zlib'
import type { Request } from 'express'
import { PageDictionaries, PageDictionary } from '../../../app/views/page-dictionary'
import { SplicedDcz } from '../../../app/views/spliced-dcz'
import { rawFrame } from '../../../app/views/zstd-frames'
import { decodeDcz, splitFrames } from '../../helpers/dcz'

// Like a logo's path data: hard to compress on its own, cheap to refer to in a dictionary.
const logo = randomBytes(2000).toString('hex')
const chrome = `<!DOCTYPE html><html lang="en"><head><title>Portal</title></head><body><svg><path d="${logo}"/></svg></body></html>`
const dictionary = new PageDictionary(chrome)

const requestWith = (headers: Record<string, string>) => ({ headers }) as unknown as Request

describe('dcz bodies (RFC 9842) against the page dictionary', () => {
  it('round-trips a page spliced around per-request values, for values of every length a page uses', () => {
    const parts = ['<html><head><script nonce="', '"></script></head><body><input value="', '">', '</body></html>']
    const spliced = new SplicedDcz(parts, dictionary)
    for (let i = 0; i < 50; i++) {
      const values = [randomBytes(16).toString('base64'), randomBytes(i).toString('hex'), '']
      const expected = parts.map((part, j) => part + (values[j] ?? '')).join('')
      expect(decodeDcz(spliced.build(values), dictionary.bytes)).toBe(expected)
    }
  })

  it('compresses a page that repeats the dictionary to a fraction of its gzip size', () => {
    const page = Buffer.from(chrome.replace('Portal', 'Your plan'))
    const dcz = dictionary.compress(page)
    expect(decodeDcz(dcz, dictionary.bytes)).toBe(page.toString('utf8'))
    expect(dcz.length * 4).toBeLessThan(zlib.gzipSync(page, { level: 9 }).length)
  })

  it('starts every body with the dcz header naming the dictionary, which another dictionary refuses', () => {
    const body = dictionary.compress(Buffer.from('<p>hello</p>'))
    expect(body.subarray(0, 8)).toEqual(Buffer.from([0x5e, 0x2a, 0x4d, 0x18, 0x20, 0, 0, 0]))
    expect(() => decodeDcz(body, Buffer.from('another dictionary'))).toThrow(/another dictionary/)
  })

  it('writes raw frames any Zstandard decoder reads, and refuses values too long for one', () => {
    for (const length of [0, 1, 24, 255]) {
      const data = randomBytes(length)
      const frame = rawFrame(data)
      expect(zlib.zstdDecompressSync(frame)).toEqual(data)
      expect(splitFrames(Buffer.concat([frame, frame]))).toHaveLength(2)
    }
    expect(() => rawFrame(Buffer.alloc(256))).toThrow(RangeError)
  })

  it('answers with dcz only to a browser that holds one of the dictionaries and accepts the encoding', () => {
    const welsh = new PageDictionary(chrome.replace('lang="en"', 'lang="cy"'))
    const dictionaries = new PageDictionaries({ en: dictionary, cy: welsh })
    expect(
      dictionaries.usableFor(requestWith({ 'accept-encoding': 'dcz', 'available-dictionary': welsh.available })),
    ).toBe(welsh)
    const available = dictionary.available
    expect(available).toMatch(/^:[A-Za-z0-9+/]{43}=:$/)
    const usable = (acceptEncoding: string, dictionaryHeld = available) =>
      dictionaries.usableFor(requestWith({ 'accept-encoding': acceptEncoding, 'available-dictionary': dictionaryHeld }))
    expect(usable('gzip, br, zstd, dcb, dcz')).toBe(dictionary)
    expect(usable('gzip, br, dcz;q=0')).toBeUndefined()
    expect(usable('gzip, br')).toBeUndefined()
    expect(usable('dcz', ':AAAA:')).toBeUndefined()
    expect(dictionaries.usableFor(requestWith({ 'accept-encoding': 'dcz' }))).toBeUndefined()
  })

  it('names the dictionary by its content, so a changed dictionary has a new address', () => {
    const other = new PageDictionary(`${chrome} `)
    expect(other.url).not.toBe(dictionary.url)
    expect(other.available).not.toBe(dictionary.available)
    expect(dictionary.url).toMatch(/^\/assets\/page-dictionary-[0-9a-f]{10}\.txt$/)
  })
})
