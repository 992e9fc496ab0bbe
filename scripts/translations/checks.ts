import { isMutation } from '../../app/i18n/mutate'
import { PLACEHOLDER } from '../../app/i18n/translate'

/**
 * The markup of a string: each tag as written (`<a class="govuk-link" href="{href}">`), sorted.
 * A link's address may differ between the languages (the Welsh page of the same thing:
 * open-government-licence-cymraeg, gov.uk/costau-galwadau) unless it is a placeholder.
 */
export function tagsOf(text: string): string[] {
  return [...text.matchAll(/<\/?[a-z][^>]*>/gi)].map((m) => m[0].replace(/\shref="([^"{]*)"/g, ' href="…"')).sort()
}

const names = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string).sort()

/**
 * What is wrong with a Welsh string given its English: placeholders must be the same set
 * (a Welsh one may carry a mutation marker, which must be one there is), and the markup the
 * same tags with the same attributes, so no link, class or element is lost or invented.
 */
export function translationProblems(english: string, welsh: string): string[] {
  const problems: string[] = []
  if (welsh.trim() === '') problems.push('the Welsh is empty')
  if (JSON.stringify(names(english)) !== JSON.stringify(names(welsh))) {
    problems.push(`placeholders differ: English has ${show(names(english))}, Welsh has ${show(names(welsh))}`)
  }
  for (const m of welsh.matchAll(PLACEHOLDER)) {
    if (m[2] !== undefined && !isMutation(m[2]))
      problems.push(`{${m[1]}:${m[2]}}: ${m[2]} is not soft, nasal or aspirate`)
  }
  const [en, cy] = [tagsOf(english), tagsOf(welsh)]
  if (JSON.stringify(en) !== JSON.stringify(cy)) {
    problems.push(`markup differs: English has ${show(en)}, Welsh has ${show(cy)}`)
  }
  if (/\{\{|\{%/.test(welsh)) problems.push('the Welsh holds a template tag ({{ or {%)')
  return problems
}

const show = (list: string[]) => (list.length ? list.join(' ') : 'none')
