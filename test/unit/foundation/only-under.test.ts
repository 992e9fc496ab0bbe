import type { Request, RequestHandler, Response } from 'express'
import { onlyUnder } from '../../../app/middleware/only-under'
import { SIGN_IN_PATH, STAFF_ROUTES, TWO_FACTOR_PATH, TWO_FACTOR_SET_UP_PATH } from '../../../app/staff/route-table'

/** Which way a request for `path` went: into the area's router, or past it. */
function wayFor(path: string): 'router' | 'past' {
  let way: 'router' | 'past' | undefined
  const guarded = onlyUnder('/staff', (() => (way = 'router')) as unknown as RequestHandler)
  guarded({ path } as Request, {} as Response, () => (way = 'past'))
  if (!way) throw new Error('neither')
  return way
}

describe('an area entered only under its prefix', () => {
  it.each([
    '/staff',
    '/staff/',
    '/staff/audit.csv',
    '/staff/accounts/7/role',
    '/STAFF/Audit',
    SIGN_IN_PATH,
    TWO_FACTOR_PATH,
    TWO_FACTOR_SET_UP_PATH,
  ])('enters the router for %s', (path) => expect(wayFor(path)).toBe('router'))

  it.each(['/', '/staffing', '/staff.csv', '/outcomes/work-in-care/nation', '/x/staff', '/%73taff'])(
    'goes past it for %s',
    (path) => expect(wayFor(path)).toBe('past'),
  )

  it('enters it for every staff route (the guard in app.ts leaves none out)', () => {
    for (const route of STAFF_ROUTES) expect(wayFor(route.path)).toBe('router')
  })
})
