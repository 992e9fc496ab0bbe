import fs from 'node:fs'
import path from 'node:path'
import { HtmlValidate, type ConfigData } from 'html-validate'

const configFile = path.resolve(__dirname, '..', '..', '..', '.htmlvalidate.json')

export interface MarkupProblem {
  rule: string
  message: string
  line: number
  selector: string | null
}

/** html-validate with the project's `.htmlvalidate.json`, built once. */
export function htmlValidator(): (html: string) => Promise<MarkupProblem[]> {
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as ConfigData & { _why?: unknown }
  delete config._why
  const validator = new HtmlValidate(config)
  return async (html) => {
    const report = await validator.validateString(html)
    return report.results.flatMap((r) =>
      r.messages.map((m) => ({ rule: m.ruleId, message: m.message, line: m.line, selector: m.selector })),
    )
  }
}
