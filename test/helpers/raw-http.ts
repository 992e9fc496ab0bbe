import http from 'node:http'

/** A reply as it came off the socket: body still encoded, headers as sent. */
export interface RawReply {
  status: number
  statusMessage: string
  headers: http.IncomingHttpHeaders
  rawHeaders: string[]
  body: Buffer
}

/**
 * One request over a fresh connection to a test server on the loopback, with nothing
 * decoded: for tests of what goes over the wire (encodings, bytes). Clients that decode
 * (fetch, supertest) hide exactly that.
 */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: http.OutgoingHttpHeaders = {},
  body?: string,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          statusMessage: res.statusMessage ?? '',
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
        }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}
