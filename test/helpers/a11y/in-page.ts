/**
 * Checks that run inside the page. They are plain functions passed to `page.evaluate`, so
 * they must not reference anything outside their own body.
 */

export interface StructureReport {
  h1Count: number
  title: string
  lang: string
  hasErrorSummary: boolean
  /** Error-summary links whose `#id` matches no element on the page. */
  brokenErrorLinks: string[]
  /** With JavaScript: whether focus is inside the error summary. */
  focusInErrorSummary: boolean
  /** Declared personal fields whose `autocomplete` is missing or wrong: `name: expected (found)`. */
  autocompleteProblems: string[]
}

export function structure(personalFields: Record<string, string>): StructureReport {
  const summary = document.querySelector('.govuk-error-summary')
  const brokenErrorLinks = Array.from(document.querySelectorAll<HTMLAnchorElement>('.govuk-error-summary a'))
    .map((a) => a.getAttribute('href') ?? '')
    .filter((href) => !href.startsWith('#') || !document.getElementById(decodeURIComponent(href.slice(1))))
  const autocompleteProblems: string[] = []
  for (const [name, expected] of Object.entries(personalFields)) {
    // A declared field missing from the page is a finding too: otherwise a renamed field
    // would make the check pass without looking at anything.
    const field = document.querySelector(`[name="${name}"]`)
    if (!field) {
      autocompleteProblems.push(`${name}: expected ${expected} (not on the page)`)
      continue
    }
    const found = field.getAttribute('autocomplete')
    if (found !== expected) autocompleteProblems.push(`${name}: expected ${expected} (found ${found ?? 'none'})`)
  }
  return {
    h1Count: document.querySelectorAll('h1').length,
    title: document.title,
    lang: document.documentElement.lang,
    hasErrorSummary: Boolean(summary),
    brokenErrorLinks,
    focusInErrorSummary: Boolean(summary && summary.contains(document.activeElement)),
    autocompleteProblems,
  }
}

/** Whether the page is wider than the window (horizontal scrolling) and what sticks out. */
export function overflow(): { scrollWidth: number; clientWidth: number; widest: string[] } {
  const root = document.documentElement
  const width = root.clientWidth
  const widest = Array.from(document.querySelectorAll('body *'))
    .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
    .filter((el) => !el.closest('.govuk-visually-hidden, .govuk-skip-link'))
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${Array.from(el.classList).join('.')}`)
  return { scrollWidth: root.scrollWidth, clientWidth: width, widest }
}

/**
 * Marks every control a keyboard user must be able to reach (one per radio group, as Tab
 * reaches a group once), starts focus at the top of the page and records each element that
 * Tab then focuses. Returns how many are expected.
 */
export function prepareTabWalk(): number {
  const visible = (el: Element) => {
    if (el.getClientRects().length === 0) return false
    const style = getComputedStyle(el)
    return style.visibility !== 'hidden' && style.display !== 'none'
  }
  const candidates = Array.from(
    document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    ),
  ).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLInputElement).disabled &&
      (el as HTMLInputElement).type !== 'hidden' &&
      !el.closest('dialog:not([open]), [inert]') &&
      // Inside a closed Details only its summary can take focus (Chromium still lays the rest out).
      !el.closest('details:not([open]) > :not(summary)') &&
      (visible(el) || el.classList.contains('govuk-skip-link')),
  )
  const radioGroups = new Set<string>()
  let index = 0
  for (const el of candidates) {
    if ((el as HTMLInputElement).type === 'radio') {
      const name = (el as HTMLInputElement).name
      if (radioGroups.has(name)) continue
      radioGroups.add(name)
      for (const radio of Array.from(document.querySelectorAll(`input[type="radio"][name="${name}"]`)))
        radio.setAttribute('data-a11y-tab', String(index))
    } else el.setAttribute('data-a11y-tab', String(index))
    index += 1
  }
  const w = window as unknown as { __tabbed: string[] }
  w.__tabbed = []
  document.addEventListener('focusin', (event) => {
    const target = event.target as Element
    w.__tabbed.push(target.getAttribute('data-a11y-tab') ?? `unmarked:${target.tagName.toLowerCase()}`)
  })
  const start = document.createElement('span')
  start.tabIndex = -1
  document.body.prepend(start)
  start.focus()
  w.__tabbed = []
  return index
}

export interface TabWalk {
  first: string | undefined
  firstIsSkipLink: boolean
  missed: string[]
  footerReached: boolean
}

export function finishTabWalk(expected: number): TabWalk {
  const tabbed = (window as unknown as { __tabbed: string[] }).__tabbed
  const seen = new Set(tabbed)
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`
  const missed: string[] = []
  for (let i = 0; i < expected; i += 1) {
    if (!seen.has(String(i))) {
      const el = document.querySelector(`[data-a11y-tab="${i}"]`)
      if (el) missed.push(describe(el))
    }
  }
  const firstEl = tabbed[0] ? document.querySelector(`[data-a11y-tab="${tabbed[0]}"]`) : null
  const footerLinks = Array.from(document.querySelectorAll('footer [data-a11y-tab]')).map((el) =>
    el.getAttribute('data-a11y-tab'),
  )
  return {
    first: firstEl ? describe(firstEl) : tabbed[0],
    firstIsSkipLink: Boolean(firstEl?.classList.contains('govuk-skip-link')),
    missed,
    footerReached: footerLinks.length === 0 || footerLinks.some((id) => id !== null && seen.has(id)),
  }
}

/** True once every stylesheet has loaded: colour contrast depends on it. */
export function stylesLoaded(): boolean {
  return Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).every((l) => l.sheet !== null)
}
