import fc from 'fast-check'
import nunjucks from 'nunjucks'
import { linearTrim } from '../../../app/views/trim'

/** The regex Nunjucks' built-in filter runs; the replacement must give the same output. */
function reference(value: string): string {
  return value.replace(/^\s*|\s*$/g, '')
}

describe('linear trim filter', () => {
  it('gives exactly what the built-in regex gives, for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u2028', 'a', '<', 'é', '\r') }),
        (s) => {
          expect(linearTrim(s)).toBe(reference(s))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('keeps markup marked safe as safe, and escapes nothing', () => {
    const safe = new nunjucks.runtime.SafeString('  <p>hi</p>\n ')
    const out = linearTrim(safe)
    expect(out).toBeInstanceOf(nunjucks.runtime.SafeString)
    expect(String(out)).toBe('<p>hi</p>')
    expect(linearTrim(undefined)).toBe('')
  })

  it('is the filter the templates use', () => {
    const env = new nunjucks.Environment()
    env.addFilter('trim', linearTrim)
    expect(env.renderString('[{{ x | trim }}]', { x: '  a  ' })).toBe('[a]')
  })
})
