import type { PageState } from './page-state'

/** One page of a journey (a path) and the states of it that are checked. */
export interface JourneyPage {
  path: string
  states: PageState[]
}

export interface JourneyMap {
  journey: string
  pages: JourneyPage[]
  /** Mermaid flowchart source: each page a node, each move between pages an edge. */
  mermaid: string
}

const pathOf = (url: string) => new URL(url, 'http://portal.invalid').pathname
const lastPath = (state: PageState) => {
  const step = state.steps[state.steps.length - 1]
  return step ? pathOf('get' in step ? step.get : step.post) : '/'
}

/** The paths a state's steps visit, in order, without repeating a page straight after itself. */
function route(state: PageState): string[] {
  const paths: string[] = []
  for (const step of state.steps) {
    const p = pathOf('get' in step ? step.get : step.post)
    if (paths[paths.length - 1] !== p) paths.push(p)
  }
  return paths
}

const label = (text: string) => text.replace(/"/g, '#quot;')

/**
 * Draws each journey from its page states: the pages in the order a citizen first reaches
 * them, with their states nested under them, and the same as Mermaid. It comes from the
 * same definitions the walker checks, so the drawing cannot drift from what is tested.
 */
export function journeyMaps(states: readonly PageState[]): JourneyMap[] {
  const journeys = new Map<string, PageState[]>()
  for (const s of states) journeys.set(s.journey, [...(journeys.get(s.journey) ?? []), s])
  return [...journeys].map(([journey, members]) => {
    const pages = new Map<string, PageState[]>()
    const edges = new Set<string>()
    const nodes = new Map<string, string>()
    const node = (p: string) => {
      if (!nodes.has(p)) nodes.set(p, `p${nodes.size}`)
      return nodes.get(p) as string
    }
    for (const state of members) {
      const visited = route(state)
      visited.forEach((p, i) => {
        node(p)
        const next = visited[i + 1]
        if (next) edges.add(`${node(p)} --> ${node(next)}`)
      })
      const end = lastPath(state)
      pages.set(end, [...(pages.get(end) ?? []), state])
    }
    const ordered = [...nodes.keys()].filter((p) => pages.has(p))
    const mermaid = [
      'flowchart TD',
      ...[...nodes].map(([p, id]) => `  ${id}["${label(p)}"]`),
      ...[...edges].map((e) => `  ${e}`),
    ].join('\n')
    return { journey, pages: ordered.map((path) => ({ path, states: pages.get(path) ?? [] })), mermaid }
  })
}
