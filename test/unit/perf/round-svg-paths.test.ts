/**
 * The build rounds the crest's path coordinates (scripts/round-svg-paths.mjs). Points are
 * rounded as absolute positions, so errors do not add up along relative commands.
 */
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- a build script in plain JavaScript, without types
import { roundPath, roundSvgPaths } from '../../../scripts/round-svg-paths.cjs'

const round = roundPath as (d: string) => string

describe('rounding SVG paths', () => {
  it('rounds relative points as absolute ones, so errors do not accumulate', () => {
    // Each step is 0.04: naive rounding writes 0 every time and ends 0.12 away.
    expect(round('m.04.04l.04.04.04.04')).toBe('m0 0l.1.1 0 0')
  })

  it('reads arc flags written without separators and returns to the subpath start on z', () => {
    expect(round('M10.04 10a5 5 0 0110.06 0zl1.01 1')).toBe('M10 10a5 5 0 0 1 10.1 0zl1 1')
  })

  it('keeps horizontal and vertical lines and curves within a twentieth of a unit', () => {
    expect(round('M1.26 2.34h.55v-.55c1.111 1.111 2.222 2.222 3.333 3.333')).toBe(
      'M1.3 2.3h.5v-.5c1.1 1.1 2.2 2.2 3.3 3.3',
    )
  })

  it('rewrites only path data', () => {
    expect((roundSvgPaths as (s: string) => string)('<svg width="1.234"><path d="M1.26 1"/></svg>')).toBe(
      '<svg width="1.234"><path d="M1.3 1"/></svg>',
    )
  })
})
