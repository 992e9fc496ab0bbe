import fs from 'node:fs'
import path from 'node:path'
import { PUBLIC_DIR, GOVUK_FRONTEND_DIR } from '../../../app/paths'

/**
 * The build bundles the enhancement JavaScript with esbuild (scripts/build.mjs): one module
 * holding assets/js/main.mjs, what it imports of its own, and of govuk-frontend only the
 * components it names. A component left out would leave its page without its behaviour; one
 * carried along would cost every first visit its bytes. (The test run builds the assets
 * first: test/helpers/global-setup.js.)
 */
const manifest = JSON.parse(fs.readFileSync(path.join(PUBLIC_DIR, 'asset-manifest.json'), 'utf8')) as Record<
  string,
  string
>
const builtName = manifest['js/main.mjs'] as string
const built = fs.readFileSync(path.join(PUBLIC_DIR, builtName), 'utf8')
const source = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'assets', 'js', 'main.mjs'), 'utf8')

/** govuk-frontend's components with JavaScript, by their module name (govuk-button…). */
const componentsDir = path.join(GOVUK_FRONTEND_DIR, 'govuk', 'components')
const withScript = fs
  .readdirSync(componentsDir)
  .filter((name) => fs.existsSync(path.join(componentsDir, name, `${name}.mjs`)))
/** The components main.mjs imports by name (ErrorSummary → error-summary). */
const importList = /import\s*\{([^}]*)\}\s*from\s*'govuk-frontend'/.exec(source)?.[1] ?? ''
const imported = importList
  .split(',')
  .map((name) => name.trim().replace(/[A-Z]/g, (c, i: number) => (i === 0 ? '' : '-') + c.toLowerCase()))
  .filter((name) => withScript.includes(name))

describe('the served enhancement script', () => {
  it('is one module that imports nothing more, minified', () => {
    expect(builtName).toMatch(/^js\/main-[0-9a-f]{10}\.mjs$/)
    expect(built).not.toMatch(/\bimport\s*[{(*'"]|\bfrom\s*['"]/)
    expect(built).not.toMatch(/\/\/|\/\*/)
    expect(built.split('\n').filter((line) => line.trim() !== '').length).toBeLessThanOrEqual(2)
  })

  it("holds the govuk-frontend components main.mjs uses and none of the others, and the portal's own code", () => {
    expect(imported.length).toBeGreaterThanOrEqual(5)
    expect(withScript.length).toBeGreaterThan(imported.length)
    for (const name of withScript)
      expect([name, built.includes(`"govuk-${name}"`)]).toEqual([name, imported.includes(name)])
    expect(built).toContain('session-timeout-countdown')
  })
})
