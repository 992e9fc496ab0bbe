import type { FuzzReply, RawRequest } from './client'

/**
 * What no response may ever show: a stack frame, a path on the server, an exception's name,
 * the database's own error text. The GOV.UK error pages say none of this; the log has it.
 */
const LEAKS: readonly RegExp[] = [
  /\bat .{0,200}?[\w/.-]+\.(?:js|ts|mjs|cjs|njk):\d+(?::\d+)?/,
  /node_modules/,
  /\/(?:work|home|tmp|usr|opt|app)\/[\w.-]+\//,
  /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|SqliteError|DatabaseError|DatabaseUnavailableError|Template render error)\b/,
  /SQLITE_[A-Z]+|violates .* constraint|syntax error at or near/,
  /Cannot (?:GET|POST|PUT|DELETE|PATCH) \//,
]

/**
 * Everything wrong with one reply, as readable lines; empty when the reply is acceptable.
 * `allowedStatus` is for the auditors' examples of the error pages, which answer 500 or 503 on purpose.
 */
export function problemsWith(
  request: RawRequest,
  reply: FuzzReply,
  allowedStatus?: number,
  cwd = process.cwd(),
): string[] {
  const problems: string[] = []
  const where = `${request.method} ${request.url.slice(0, 120)}`
  if (reply.status >= 500 && reply.status !== allowedStatus) problems.push(`${where} answered ${reply.status}`)
  if (reply.text.includes(cwd)) problems.push(`${where} shows the server's working directory`)
  for (const leak of LEAKS) {
    const m = leak.exec(reply.text)
    if (m) problems.push(`${where} shows ${JSON.stringify(m[0].slice(0, 80))}`)
  }
  // A redirect only ever goes to a path on this site: never another origin, never `//host`.
  if (reply.location !== undefined && !/^\/(?![/\\])/.test(reply.location))
    problems.push(`${where} redirects off-site to ${JSON.stringify(reply.location.slice(0, 80))}`)
  return problems
}
