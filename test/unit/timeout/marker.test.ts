import signature from 'cookie-signature'
import { decodeMarker, encodeMarker } from '../../../app/timeout/marker'

/** The session marker is signed with the session secret, for its own purpose only. */
const SECRET = 'a-session-secret-of-at-least-32-characters'
const marker = { lastSeen: 1_800_000_000_000, lang: 'cy' as const, keptDraft: true }

describe('the session marker', () => {
  it('reads back what it was given, and nothing under another secret', () => {
    const value = encodeMarker(marker, SECRET)
    expect(decodeMarker(value, SECRET)).toEqual(marker)
    expect(decodeMarker(value, `${SECRET}-other`)).toBeUndefined()
  })

  it('refuses a changed payload, and a value signed as a session cookie would be', () => {
    const value = encodeMarker(marker, SECRET)
    expect(decodeMarker(value.replace('.1.', '.0.'), SECRET)).toBeUndefined()
    // Same secret, same library, but without the marker's purpose: not a marker.
    expect(decodeMarker(signature.sign('1800000000000.cy.1', SECRET), SECRET)).toBeUndefined()
    expect(decodeMarker(undefined, SECRET)).toBeUndefined()
    expect(decodeMarker('1.en.0', SECRET)).toBeUndefined()
  })
})
