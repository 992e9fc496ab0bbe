// `npm run audit:a11y`: walks every page state of the portal in Chromium, in English and
// Welsh, with JavaScript on and off, and writes reports/accessibility/index.html and
// report.json. Exits 1 when any state fails, so it can gate a release.
import path from 'node:path'
import { exemptions } from '../app/a11y/exemptions'
import { registry } from '../app/a11y/registry'
import { writeReport } from '../test/helpers/a11y/report'
import { withStaffSignIn } from '../test/helpers/a11y/staff-steps'
import { walk } from '../test/helpers/a11y/walker'
import { createTestApp } from '../test/helpers/app'
import { launchChromium, serve } from '../test/helpers/browser'

async function main() {
  const t = await createTestApp()
  const server = await serve(t.app)
  const browser = await launchChromium()
  try {
    const reg = registry()
    // A11Y_ONLY: comma-separated id prefixes, to recheck only the states a change touched.
    const only = process.env.A11Y_ONLY?.split(',').filter(Boolean)
    const states = only ? reg.states.filter((s) => only.some((prefix) => s.id.startsWith(prefix))) : reg.states
    console.log(`Checking ${states.length} page states from ${reg.areas.join(', ')}…`)
    let done = 0
    const summary = await walk({
      browser,
      origin: server.origin,
      states,
      stepsFor: await withStaffSignIn(t, reg),
      onResult: (r) => {
        done += 1
        if (r.findings.length || done % 25 === 0)
          console.log(`${done}/${states.length * 2} ${r.lang} ${r.id}: ${r.findings.length ? 'FAIL' : 'pass'}`)
      },
    })
    const dir = path.resolve(__dirname, '..', 'reports', 'accessibility')
    const report = writeReport(dir, summary, exemptions)
    console.log(
      `${report.counts.checked} checked (${summary.pageLoads} page loads, ${summary.axeRuns} axe runs, keyboard on ` +
        `${summary.keyboardTemplates} templates) in ${(summary.ms / 1000).toFixed(1)} s; ${report.counts.failing} failing. ` +
        `Report: ${path.join(dir, 'index.html')}`,
    )
    process.exitCode = report.counts.failing > 0 ? 1 : 0
  } finally {
    await browser.close()
    await server.close()
    await t.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
