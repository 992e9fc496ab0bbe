import { durationBucket, nationOf } from '../../../app/insights/measures'

describe('time-to-complete buckets', () => {
  // Buckets of 5 s under a minute, 15 s under ten minutes, a minute under an hour, 15 minutes under a day.
  it.each([
    [0, 0],
    [4.9, 0],
    [59, 55],
    [60, 60],
    [74, 60],
    [599, 585],
    [600, 600],
    [3599, 3540],
    [3600, 3600],
    [86_399, 85_500],
  ])('%d seconds falls in the bucket from %d', (seconds, lower) => {
    expect(durationBucket(seconds)).toBe(lower)
  })

  it('puts a day or more in one open bucket, and a clock step backwards at zero', () => {
    expect(durationBucket(10 * 86_400)).toBe(86_400)
    expect(durationBucket(-3)).toBe(0)
  })
})

describe('the nation a count is filed under', () => {
  it('is the nation answered, or unknown before that question or for anything else', () => {
    expect(nationOf({ nation: 'wales' })).toBe('wales')
    expect(nationOf({ nation: 'atlantis' })).toBe('unknown')
    expect(nationOf({})).toBe('unknown')
    expect(nationOf(undefined)).toBe('unknown')
  })
})
