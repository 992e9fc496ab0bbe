import type { BrowserSuite } from '../browser-suite'
import { walk, type Lang, type StateResult, type WalkOptions } from './walker'

/** Room for a few states, in both languages, on a small machine. */
const WALK_TIMEOUT_MS = 10 * 60 * 1000

export interface OwnStates {
  /** Known when the file loads, as jest names its tests then; the states come later. */
  ids: readonly string[]
  /** Runs once the test app is up, as some states are addressed by records made in it. */
  prepare: () => Promise<Pick<WalkOptions, 'states' | 'stepsFor'>>
  /** What else one state's result must show, checked after it is found and before its findings. */
  expectAlso?: (result: StateResult | undefined, state: { id: string; lang: Lang }) => void
}

/**
 * Walks states the registry cannot hold (their steps need the suite's own accounts or
 * records, or count failures no other state may see) with every check the walker runs on the
 * registered states, in English and Welsh: one test per state and language, failing when the
 * state was not walked or on any finding.
 */
export function walkOwnStates(suite: BrowserSuite, own: OwnStates): void {
  const results = new Map<string, StateResult>()

  beforeAll(async () => {
    const { states, stepsFor } = await own.prepare()
    const summary = await walk({ browser: suite.browser, origin: suite.origin, states, stepsFor })
    for (const r of summary.results) results.set(`${r.lang} ${r.id}`, r)
  }, WALK_TIMEOUT_MS)

  for (const lang of ['en', 'cy'] as const) {
    for (const id of own.ids) {
      it(`${id} (${lang}) passes every check`, () => {
        const r = results.get(`${lang} ${id}`)
        // A state the walk never reached has no findings, and must not pass for it.
        expect(r).toBeDefined()
        own.expectAlso?.(r, { id, lang })
        expect((r?.findings ?? []).map((f) => `${f.check} ${f.rule}: ${f.message} ${f.targets.join(' | ')}`)).toEqual(
          [],
        )
      })
    }
  }
}
