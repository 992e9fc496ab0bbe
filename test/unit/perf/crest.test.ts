import fs from 'node:fs'
import path from 'node:path'
import { PUBLIC_DIR, GOVUK_FRONTEND_DIR } from '../../../app/paths'

/**
 * The build optimises the footer crest with svgo (scripts/build.mjs), coordinates to a tenth
 * of a unit. What is served must still be the crest: the same canvas and the same shapes,
 * only written shorter. (The test run builds the assets first: test/helpers/global-setup.js.)
 */
const source = fs.readFileSync(path.join(GOVUK_FRONTEND_DIR, 'govuk', 'assets', 'images', 'govuk-crest.svg'), 'utf8')
const built = fs.readFileSync(path.join(PUBLIC_DIR, 'images', 'govuk-crest.svg'), 'utf8')

const attribute = (svg: string, name: string) => new RegExp(`<svg[^>]*\\s${name}="([^"]*)"`).exec(svg)?.[1]
const paths = (svg: string) => [...svg.matchAll(/<path[^>]*\sd="([^"]*)"/g)].map((m) => m[1] as string)

describe('the served crest', () => {
  it('keeps the canvas and every shape of the source', () => {
    expect(attribute(source, 'width')).toBe('125')
    for (const name of ['width', 'height', 'viewBox']) expect(attribute(built, name)).toBe(attribute(source, name))
    expect(paths(built).length).toBeGreaterThan(0)
    expect(paths(built).length).toBeLessThanOrEqual(paths(source).length)
  })

  it('writes coordinates to a tenth of a unit at most, and is a quarter smaller or more', () => {
    for (const d of paths(built)) expect(d).not.toMatch(/\.\d\d/)
    expect(built.length).toBeLessThan(source.length * 0.75)
  })
})
