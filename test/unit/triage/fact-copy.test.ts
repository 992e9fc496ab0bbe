import { loadCatalogue } from '../../../app/catalogue/load'
import { loadMessages } from '../../../app/i18n/locales'
import { requiredCopy } from '../../../app/triage/copy-keys'

/**
 * A fact sentence no plan can show is kept up and translated for nobody, and hides that a rule
 * changed under it. The required set is exactly what plans can say (app/rules/explain.ts,
 * `reportableTruths`); English and Welsh have the same keys (test/unit/foundation/locales.test.ts).
 */
describe('fact sentences in the copy', () => {
  it('are all sentences some plan can show', () => {
    const required = new Set(requiredCopy(loadCatalogue()).map((r) => r.key))
    const facts = /^catalogue\.outcomes\.[^.]+\.facts\./
    const unused = [...loadMessages('en').keys()].filter((key) => facts.test(key) && !required.has(key))
    expect(unused).toEqual([])
  })
})
