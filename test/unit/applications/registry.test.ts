import { hasCopy } from '../../../app/i18n/translate'
import {
  applications,
  requiredCopyKeys,
  validateApplication,
  DefinitionError,
} from '../../../app/applications/registry'
import { dbsBasic } from '../../../app/applications/definitions/dbs-basic'

describe('application definitions', () => {
  it('are the three in-portal applications', () => {
    expect(applications.map((a) => a.id)).toEqual(['dbs-basic', 'care-worker-wales', 'child-benefit'])
  })

  it.each(applications.map((a) => [a.id, a] as const))('%s has every word in English and Welsh', (_id, app) => {
    expect(requiredCopyKeys(app).filter((key) => !hasCopy(key))).toEqual([])
  })

  it('stop start-up when a page reads a fact nothing sets', () => {
    const broken = {
      ...dbsBasic,
      sections: [
        { id: 'x', pages: [{ id: 'p', askIf: { fact: 'nothing:sets-this' }, fields: [{ id: 'a', kind: 'text' }] }] },
      ],
    }
    expect(() => validateApplication(broken)).toThrow(DefinitionError)
  })

  it('stop start-up when a field id is used twice', () => {
    const page = { id: 'p', fields: [{ id: 'fullName', kind: 'text' }] }
    const broken = { ...dbsBasic, sections: [...dbsBasic.sections, { id: 'again', pages: [page] }] }
    expect(() => validateApplication(broken)).toThrow(/fullName appears twice/)
  })
})
