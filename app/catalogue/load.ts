import fs from 'node:fs'
import path from 'node:path'
import { parse, YAMLParseError } from 'yaml'
import type { z } from 'zod'
import { CATALOGUE_DIR } from '../paths'
import { CatalogueError } from './errors'
import { outcomeSchema, serviceSchema } from './schema'
import type { Catalogue, Outcome, OutcomeId, Service } from './types'

/**
 * Reads the catalogue's data files: one YAML file per outcome (data/outcomes/<id>.yaml) and
 * one per service (data/services/<id>.yaml), the file name being the id. Each file is checked
 * against its zod schema; every problem names the file and the place in it, so a policy
 * person who mistypes a field gets a sentence pointing at the line to fix, not a stack trace.
 */

/** A problem in one data file, relative to the project so it reads the same on every machine. */
const at = (file: string, where: string, message: string) =>
  `${path.relative(path.resolve(CATALOGUE_DIR, '../../..'), file)}${where ? `: ${where}` : ''}: ${message}`

/** The YAML files of a folder, sorted so the catalogue is the same on every machine. */
export function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f))
}

/** Parses one file with a schema; problems are pushed, and undefined comes back if it is unusable. */
export function readDataFile<S extends z.ZodType>(file: string, schema: S, problems: string[]): z.infer<S> | undefined {
  let raw: unknown
  try {
    raw = parse(fs.readFileSync(file, 'utf8'), { prettyErrors: true, uniqueKeys: true })
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    problems.push(at(file, line ? `line ${line}` : '', `is not valid YAML (${message})`))
    return undefined
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(at(file, issue.path.join('.'), issue.message))
    return undefined
  }
  return parsed.data
}

const idOf = (file: string) => path.basename(file, '.yaml')

/** The catalogue in a data folder, or every problem that stops it loading. */
export function readCatalogue(dir: string = CATALOGUE_DIR): { catalogue: Catalogue; problems: string[] } {
  const problems: string[] = []
  const outcomes: Outcome[] = []
  for (const file of yamlFiles(path.join(dir, 'outcomes'))) {
    const data = readDataFile(file, outcomeSchema, problems)
    if (data) outcomes.push({ id: idOf(file) as OutcomeId, ...data })
  }
  outcomes.sort((a, b) => a.order - b.order)
  const services: Record<string, Service> = {}
  for (const file of yamlFiles(path.join(dir, 'services'))) {
    const data = readDataFile(file, serviceSchema, problems)
    if (data) services[idOf(file)] = { id: idOf(file), ...data }
  }
  if (outcomes.length === 0) problems.push(at(path.join(dir, 'outcomes'), '', 'holds no outcome files'))
  return { catalogue: { outcomes, services }, problems }
}

/** Loads the portal's catalogue; a file that cannot be read stops the portal, naming it. */
export function loadCatalogue(dir: string = CATALOGUE_DIR): Catalogue {
  const { catalogue, problems } = readCatalogue(dir)
  if (problems.length > 0) throw new CatalogueError(problems)
  return catalogue
}
