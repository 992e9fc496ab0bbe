import pino, { type DestinationStream, type Logger } from 'pino'

export type { Logger }

/**
 * Structured logs. Nothing personal is ever passed in: request logs carry method, path
 * without its query string, status, duration and request id. The redact list is a second
 * line of defence should a caller pass a request or headers by mistake.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.body',
          'req.query',
          'headers.cookie',
          'body',
          'query',
          'password',
          '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  )
}
