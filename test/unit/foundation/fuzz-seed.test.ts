import { chooseFuzzSeed, CI_FUZZ_SEED, fuzzSeed } from '../../helpers/fuzz/seed'

describe('the hostile fuzz seed', () => {
  it('is fixed under CI=true, so every CI run sends the same inputs', () => {
    expect(chooseFuzzSeed({ CI: 'true' })).toEqual({ seed: CI_FUZZ_SEED, why: 'CI=true' })
  })

  it('is fresh on every other run, so developers keep exploring', () => {
    const seeds = new Set(Array.from({ length: 5 }, () => chooseFuzzSeed({}).seed))
    expect(seeds.size).toBeGreaterThan(1)
    expect(chooseFuzzSeed({ CI: 'false' }).why).toBe('random')
  })

  it('is FUZZ_SEED when given, on CI or not, to replay a run', () => {
    expect(chooseFuzzSeed({ CI: 'true', FUZZ_SEED: '42' })).toEqual({ seed: 42, why: 'FUZZ_SEED' })
    expect(chooseFuzzSeed({ FUZZ_SEED: '-7' })).toEqual({ seed: -7, why: 'FUZZ_SEED' })
    expect(() => chooseFuzzSeed({ FUZZ_SEED: 'yesterday' })).toThrow(/FUZZ_SEED must be a whole number/)
  })

  it('is printed with the line that replays it', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      expect(fuzzSeed('a suite', { CI: 'true' })).toBe(CI_FUZZ_SEED)
      expect(write).toHaveBeenCalledWith(
        `a suite: fast-check seed ${CI_FUZZ_SEED} (CI=true); replay with FUZZ_SEED=${CI_FUZZ_SEED}\n`,
      )
    } finally {
      write.mockRestore()
    }
  })
})
