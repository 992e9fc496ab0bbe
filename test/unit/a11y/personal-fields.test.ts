import { pageRegistry } from '../../../app/a11y/registry'
import { autocompleteTokens, personalFieldsOf } from '../../../app/applications/autocomplete-tokens'
import type { Field } from '../../../app/applications/definition'
import { applications, allPages } from '../../../app/applications/registry'

const { states } = pageRegistry()
const fieldsOf = (app: (typeof applications)[number]) =>
  allPages(app).flatMap((p) => (p.kind === 'addAnother' ? p.itemFields : p.fields))

describe('the citizen’s own personal fields, declared for the walker’s autocomplete check', () => {
  it('maps a field to the controls it renders, from its definition’s token', () => {
    const field = (f: Partial<Field> & Pick<Field, 'id' | 'kind'>): Field => f as Field
    expect(autocompleteTokens(field({ id: 'dateOfBirth', kind: 'date', autocomplete: 'bday' }))).toEqual({
      'dateOfBirth-day': 'bday-day',
      'dateOfBirth-month': 'bday-month',
      'dateOfBirth-year': 'bday-year',
    })
    expect(autocompleteTokens(field({ id: 'homeAddress', kind: 'address', autocomplete: 'address' }))).toEqual({
      'homeAddress-line1': 'address-line1',
      'homeAddress-line2': 'address-line2',
      'homeAddress-town': 'address-level2',
      'homeAddress-postcode': 'postal-code',
    })
    expect(autocompleteTokens(field({ id: 'telephone', kind: 'telephone', autocomplete: 'tel' }))).toEqual({
      telephone: 'tel',
    })
    expect(autocompleteTokens(field({ id: 'childName', kind: 'text' }))).toEqual({})
    expect(personalFieldsOf([field({ id: 'email', kind: 'email', autocomplete: 'email' })], true)).toEqual({
      email: 'off',
    })
  })

  for (const app of applications) {
    describe(app.id, () => {
      const own = states.filter((s) => s.journey === `applications/${app.id}` && s.personalFields && !s.staffRole)
      const assisted = states.filter((s) => s.journey === `applications/${app.id}` && s.staffRole === 'adviser')

      it('has question states that declare personal fields, covering every field whose definition has a token', () => {
        expect(own.length).toBeGreaterThan(0)
        const declared = new Set(own.flatMap((s) => Object.keys(s.personalFields ?? {})))
        const expected = Object.keys(personalFieldsOf(fieldsOf(app)))
        expect(expected.length).toBeGreaterThan(0)
        for (const name of expected) expect(declared).toContain(name)
        // The applicant's name, date of birth, address, email and telephone are all among them.
        for (const id of [app.nameField, app.dateOfBirthField, app.emailField, 'telephone', 'homeAddress'])
          expect([...declared].some((name) => name === id || name.startsWith(`${id}-`))).toBe(true)
      })

      it('has an assisted-mode state for each such page, declaring the same fields “off”', () => {
        const citizenPages = own.filter((s) => !s.id.startsWith(`applications/${app.id}/save`))
        const pages = new Set(citizenPages.map((s) => s.id.replace(/\/(error|item|item\/error)$/, '')))
        expect(assisted.map((s) => s.id.replace(/\/assisted$/, '')).sort()).toEqual([...pages].sort())
        for (const state of assisted) {
          const page = state.id.replace(/\/assisted$/, '')
          const citizen = citizenPages.find((s) => s.id === page || s.id === `${page}/item`)
          expect(citizen).toBeDefined()
          const names = Object.keys(citizen?.personalFields ?? {})
          expect(state.personalFields).toEqual(Object.fromEntries(names.map((n) => [n, 'off'])))
        }
      })
    })
  }
})
