import fs from 'node:fs'
import path from 'node:path'
import type { Exemption } from '../../../app/a11y/exemptions'
import type { WalkSummary } from './walker'

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)

/**
 * Writes the audit: `report.json` for machines and `index.html`, itself a plain accessible
 * page (one h1, tables with captions and headers), for auditors.
 */
export function writeReport(dir: string, summary: WalkSummary, exemptions: readonly Exemption[], date = new Date()) {
  fs.mkdirSync(dir, { recursive: true })
  const failing = summary.results.filter((r) => r.findings.length > 0)
  const report = {
    date: date.toISOString(),
    versions: summary.versions,
    rules: summary.rules,
    counts: {
      states: summary.states,
      languages: summary.languages,
      checked: summary.results.length,
      failing: failing.length,
      pageLoads: summary.pageLoads,
      axeRuns: summary.axeRuns,
      keyboardTemplates: summary.keyboardTemplates,
    },
    durationMs: summary.ms,
    phasesMs: summary.phases,
    exemptions,
    results: summary.results,
  }
  fs.writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, null, 2))
  const rows = summary.results
    .map(
      (r) =>
        `<tr><td><a href="/accessibility/pages/go/${escape(r.id)}">${escape(r.id)}</a></td><td>${r.lang}</td><td>${r.status}</td>` +
        `<td>${r.findings.length === 0 ? 'Pass' : `<strong>Fail</strong><ul>${r.findings.map((f) => `<li>${escape(`${f.check} ${f.rule}: ${f.message} ${f.targets.join(' | ')}`)}</li>`).join('')}</ul>`}</td>` +
        `<td>${r.exempted.length}</td></tr>`,
    )
    .join('\n')
  const html = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accessibility audit ${escape(report.date.slice(0, 10))}: ${failing.length === 0 ? 'pass' : `${failing.length} failing`}</title>
<style>body{font-family:Arial,sans-serif;margin:1rem;line-height:1.4;color:#0b0c0c}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;padding:.3rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}</style>
</head>
<body>
<main>
<h1>Accessibility audit</h1>
<p>${escape(report.date)}: ${summary.states} page states × ${summary.languages.join(' and ')}, JavaScript on and off; ${failing.length} of ${summary.results.length} checked states failing. Took ${(summary.ms / 1000).toFixed(1)} s.</p>
<h2>Tools</h2>
<ul><li>axe-core ${escape(summary.versions.axe)} (tags ${escape(summary.rules.axeTags.join(', '))})</li><li>html-validate ${escape(summary.versions.htmlValidate)} (${escape(summary.rules.htmlValidate)})</li><li>Chromium ${escape(summary.versions.chromium)}</li></ul>
<h2>Checks on every state</h2>
<ul>${summary.rules.walker.map((w) => `<li>${escape(w)}</li>`).join('')}</ul>
<h2>Exemptions</h2>
${exemptions.length === 0 ? '<p>None: no violation is accepted.</p>' : `<ul>${exemptions.map((e) => `<li>${escape(`${e.ruleId} (${e.wcag}), fix by ${e.fixBy}: ${e.reason.en}`)}</li>`).join('')}</ul>`}
<h2>Results</h2>
<table><caption>Every state in every language</caption>
<thead><tr><th scope="col">State</th><th scope="col">Language</th><th scope="col">Status</th><th scope="col">Result</th><th scope="col">Exempted findings</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</main>
</body>
</html>
`
  fs.writeFileSync(path.join(dir, 'index.html'), html)
  return report
}
