import { randomInt } from 'node:crypto'

/**
 * The seed for the hostile-input fuzzing (fast-check). Under CI=true it is fixed, so every
 * CI run sends the same inputs and a red run replays as it is; elsewhere it is fresh each
 * run, so developers' runs keep exploring. FUZZ_SEED sets it either way, to replay a run.
 * It is printed when the test file loads, before anything can fail, with the line to replay.
 *
 * The fixed seed is the one under which the fuzz found a NUL reaching PostgreSQL through the
 * staff resume form (commit d748474): CI keeps sending that run's inputs.
 */
export const CI_FUZZ_SEED = 369537896

export interface FuzzSeed {
  seed: number
  why: 'FUZZ_SEED' | 'CI=true' | 'random'
}

export function chooseFuzzSeed(env: NodeJS.ProcessEnv = process.env): FuzzSeed {
  const given = env.FUZZ_SEED
  if (given !== undefined && given !== '') {
    if (!/^-?\d{1,10}$/.test(given) || !Number.isSafeInteger(Number(given)))
      throw new Error(`FUZZ_SEED must be a whole number, such as ${CI_FUZZ_SEED}; it is "${given}"`)
    return { seed: Number(given), why: 'FUZZ_SEED' }
  }
  if (env.CI === 'true') return { seed: CI_FUZZ_SEED, why: 'CI=true' }
  return { seed: randomInt(2 ** 31), why: 'random' }
}

/** Chooses the seed for a fuzz suite and prints it with how to replay it. */
export function fuzzSeed(suite: string, env: NodeJS.ProcessEnv = process.env): number {
  const { seed, why } = chooseFuzzSeed(env)
  process.stdout.write(`${suite}: fast-check seed ${seed} (${why}); replay with FUZZ_SEED=${seed}\n`)
  return seed
}
