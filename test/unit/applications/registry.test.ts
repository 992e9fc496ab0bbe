import { hasCopy } from '../../../app/i18n/translate'
import { applications, validateApplication, DefinitionError } from '../../../app/applications/registry'
import type { Application } from '../../../app/applications/definition'
import { dbsBasic } from '../../../app/applications/definitions/dbs-basic'

/** Every copy key a definition needs: the start page, confirmation, sections, pages, fields and options. */
function requiredCopyKeys(app: Application): string[] {
  const keys = [
    `${app.id}.title`,
    `${app.id}.start.leadHtml`,
    `${app.id}.start.needHtml`,
    `${app.id}.start.time`,
    `${app.id}.start.costHtml`,
    `${app.id}.start.otherWaysHtml`,
  ]
  keys.push(`${app.id}.confirmation.nextHtml`, `${app.id}.confirmation.paymentHtml`)
  for (const section of app.sections) {
    keys.push(`${app.id}.sections.${section.id}`)
    for (const page of section.pages) {
      const fields = page.kind === 'addAnother' ? page.itemFields : page.fields
      if (page.kind === 'addAnother') {
        for (const part of ['title', 'itemTitle', 'itemNoun', 'anotherLegend'])
          keys.push(`${app.id}.pages.${page.id}.${part}`)
        keys.push(`${app.id}.fields.${page.field}.label`, `${app.id}.fields.${page.field}.name`)
      } else if (page.fields.length > 1) keys.push(`${app.id}.pages.${page.id}.title`)
      for (const f of fields) {
        keys.push(`${app.id}.fields.${f.id}.label`, `${app.id}.fields.${f.id}.name`)
        for (const o of f.options ?? []) keys.push(`${app.id}.fields.${f.id}.options.${o}`)
      }
    }
  }
  return keys
}

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
