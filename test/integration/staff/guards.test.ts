import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { createStaff, signedInClient } from '../../helpers/staff'
import { STAFF_ROUTES } from '../../../app/staff/route-table'
import { ROLES, type Role } from '../../../app/staff/roles'

/**
 * Sends the route's method; a POST carries a valid CSRF token from the page loaded before it.
 * An account route (`:id`) is called on an account of its own, so what one test changes
 * (disable, sign out everywhere) never touches the clients the other tests use.
 */
async function call(t: TestApp, client: Browserish, route: (typeof STAFF_ROUTES)[number], tokenFrom: string) {
  const path = route.path.includes(':id') ? route.path.replace(':id', (await createStaff(t, 'adviser')).id) : route.path
  return route.method === 'get' ? client.get(path) : client.post(path, {}, tokenFrom)
}

describe('staff route guards', () => {
  let t: TestApp
  const clients = new Map<Role, Browserish>()

  beforeAll(async () => {
    t = await createTestApp()
    for (const role of ROLES) clients.set(role, (await signedInClient(t, role)).client)
  })
  afterAll(async () => {
    await t.close()
  })

  describe.each(STAFF_ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', (_name, route) => {
    it('sends a signed-out visitor to sign-in', async () => {
      const client = new Browserish(t.app)
      const res = await call(t, client, route, '/staff/sign-in')
      expect(res.status).toBe(303)
      expect(res.headers.location).toBe('/staff/sign-in')
    })

    const refused = ROLES.filter((role) => !(route.roles as readonly Role[]).includes(role))
    const allowed = ROLES.filter((role) => (route.roles as readonly Role[]).includes(role))

    if (refused.length) {
      it.each(refused)('refuses a signed-in %s with 403', async (role) => {
        const res = await call(t, clients.get(role) as Browserish, route, '/staff')
        expect(res.status).toBe(403)
        expect(res.text).toContain('You cannot use this page')
      })
    }

    it.each(allowed)('lets a signed-in %s through', async (role) => {
      // Sign-out (here or everywhere) would end the shared session, so it is checked with its own client.
      const ownClient = route.path === '/staff/sign-out' || route.path === '/staff/sign-out-everywhere'
      const client = ownClient ? (await signedInClient(t, role)).client : clients.get(role)
      const res = await call(t, client as Browserish, route, '/staff')
      // A case route is given an id that names none of this adviser's cases: past the guard, not found.
      expect(route.path.startsWith('/staff/cases/:id') ? [404] : [200, 303, 400]).toContain(res.status)
      expect(res.headers.location).not.toBe('/staff/sign-in')
    })
  })

  it('sends a signed-out visitor to sign-in from any other /staff address too', async () => {
    const res = await new Browserish(t.app).get('/staff/anything-else')
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/staff/sign-in')
  })
})
