import fs from 'node:fs'
import path from 'node:path'
import type nunjucks from 'nunjucks'

function templatesUnder(root: string, dir: string, into: string[]): void {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const name = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) templatesUnder(root, name, into)
    else if (entry.name.endsWith('.njk')) into.push(name)
  }
}

/**
 * Compiles every template the portal can render — its own views and govuk-frontend's page
 * template and component macros — into Nunjucks' cache, so that no citizen's request pays
 * for a compile. `govukDir` is govuk-frontend's `dist`; only its `govuk/` tree holds templates.
 * Returns the names compiled. A template that does not compile stops the start-up here.
 */
export function precompileTemplates(env: nunjucks.Environment, viewsDir: string, govukDir: string): string[] {
  const names: string[] = []
  templatesUnder(viewsDir, '', names)
  const govuk: string[] = []
  templatesUnder(govukDir, 'govuk', govuk)
  names.push(...govuk)
  for (const name of names) env.getTemplate(name, true)
  return names
}
