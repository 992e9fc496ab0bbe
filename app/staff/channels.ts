/** How the adviser is in touch with the citizen; recorded with the consent. */
export const CHANNELS = ['phone', 'face-to-face', 'video'] as const
export type Channel = (typeof CHANNELS)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
