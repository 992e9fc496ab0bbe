import { registry } from '../app/a11y/registry'
import { walk } from '../test/helpers/a11y/walker'
import { withStaffSignIn } from '../test/helpers/a11y/staff-steps'
import { createTestApp } from '../test/helpers/app'
import { launchChromium, serve } from '../test/helpers/browser'
async function main() {
  const t = await createTestApp()
  const server = await serve(t.app)
  const browser = await launchChromium()
  const reg = registry()
  const only = process.env.ONLY
  const s = await walk({ browser, origin: server.origin, states: only ? reg.states.filter(x => x.id.startsWith(only)) : reg.states, stepsFor: await withStaffSignIn(t, reg), languages: (process.env.LANGS ?? 'en,cy').split(',') as ('en'|'cy')[],
    onResult: (r) => { if (r.findings.length) console.log(r.lang, r.id, r.status, r.ms + 'ms', [...new Set(r.findings.map(f=>f.check+":"+f.rule+":"+f.message+":"+f.targets.slice(0,3).join(",")))].join(" ; ")) } })
  for (const r of s.results.filter(r => r.findings.length && r.findings.some(f => f.check === 'title'))) console.log(r.lang, r.id, JSON.stringify(r.findings.filter(f => f.check === 'title')))
  console.log(s.phases, s.states, s.pageLoads, s.axeRuns, s.keyboardTemplates, s.ms, s.versions)
  await browser.close(); await server.close(); await t.close()
}
main().catch(e => { console.error(e); process.exit(1) })
