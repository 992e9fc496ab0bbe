import { quantile, rate, shown } from '../../../app/insights/report'

describe('published figures', () => {
  it('suppress a count under 10, and a rate with either side under 10', () => {
    expect(shown(9)).toBeNull()
    expect(shown(10)).toBe(10)
    expect(rate(9, 100)).toBeNull()
    expect(rate(9, 9)).toBeNull()
    expect(rate(10, 40)).toBe(25)
    expect(rate(1, 3 * 10 ** 6)).toBeNull()
  })

  it('read the median and 90th percentile from the time buckets, as the bucket’s upper bound', () => {
    // 10 journeys: 5 in [30, 35) s, 4 in [120, 135) s, 1 in [900, 960) s.
    const histogram = new Map([
      [30, 5],
      [120, 4],
      [900, 1],
    ])
    expect(quantile(histogram, 0.5)).toBe(35)
    expect(quantile(histogram, 0.9)).toBe(135)
    expect(quantile(new Map([[30, 9]]), 0.5)).toBeNull()
  })
})
