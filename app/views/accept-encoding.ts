// One Accept-Encoding parser for pages (compression.ts) and for `dcz` (page-dictionary.ts).

/** The content codings an `Accept-Encoding` header accepts, lower-cased; an explicit `;q=0` refuses one. */
export function acceptedEncodings(acceptEncoding: string | undefined): Set<string> {
  const accepted = new Set<string>()
  for (const part of acceptEncoding?.split(',') ?? []) {
    const [rawName, ...params] = part.split(';')
    const name = rawName?.trim().toLowerCase()
    if (name && !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p))) accepted.add(name)
  }
  return accepted
}
