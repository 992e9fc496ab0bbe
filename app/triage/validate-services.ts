import type { Catalogue } from '../catalogue/types'

/**
 * Checks on the service files that the schema alone cannot make: each nation served by one
 * variant only, never both offered and unavailable; exclusions that name real services and
 * do not cancel each other out (two services that exclude each other are a choice); every
 * service placed in some outcome.
 */
export function checkServices(catalogue: Catalogue): string[] {
  const problems: string[] = []
  for (const service of Object.values(catalogue.services)) {
    const item = `service "${service.id}"`
    const served = new Map<string, string>()
    for (const [id, variant] of Object.entries(service.variants)) {
      for (const nation of variant.nations) {
        const other = served.get(nation)
        if (other) problems.push(`${item} offers ${nation} in two variants ("${other}" and "${id}")`)
        served.set(nation, id)
      }
    }
    for (const nation of service.unavailable ?? [])
      if (served.has(nation)) problems.push(`${item} is both offered and unavailable in ${nation}`)
    for (const other of service.excludes ?? []) {
      const excluded = catalogue.services[other]
      if (!excluded) problems.push(`${item} excludes "${other}", which is not in the service list`)
      else if (excluded.excludes?.includes(service.id))
        problems.push(`${item} and "${other}" exclude each other: make them a choice instead`)
    }
  }
  const placed = new Set(catalogue.outcomes.flatMap((o) => o.services.map((p) => p.service)))
  for (const id of Object.keys(catalogue.services))
    if (!placed.has(id)) problems.push(`service "${id}" is in no outcome`)
  return problems
}
