import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referenceApp } from '../../scripts/openapi.ts'
import { apiError, bearer, jsonRequest, rows } from '../../test/helpers/http.ts'
import {
  addOperator,
  type ConsoleHarness,
  consoleOrigin,
  createConsoleHarness,
  signInAs,
} from '../../test/helpers/operators.ts'
import {
  type OwnerWorld,
  ownerWorld,
  pathFor,
  validChanges,
} from '../../test/helpers/owner-world.ts'
import { openApiTemplate } from './matched-route.ts'
import { ownerRoutePermissions, roleNeededFor } from './permissions.ts'
import { type OperatorRole, operatorRoles, roleIncludes } from './roles.ts'

// Every action of the owner API, by every kind of caller, generated from the app's own routes
// and the permission table: an operator of each role, the site's secret key, and an operator
// with no role on the site. Each caller works in a world of its own with real rows behind every
// path, so an action let through would really happen.

const reference = referenceApp()
afterAll(() => reference.close())

const routes = [
  ...new Map(
    reference.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/admin/'))
      .map((r) => {
        const template = openApiTemplate(r.path)
        return [`${r.method} ${template}`, { method: r.method, template }] as const
      }),
  ).values(),
]
const routeKeys = routes.map((r) => `${r.method} ${r.template}`)

describe('the permission table', () => {
  it('has an entry for every route of the owner API', () => {
    // Too few routes would make the rest of this file prove little.
    expect(routes.length).toBeGreaterThan(40)
    const missing = routeKeys.filter((key) => !(key in ownerRoutePermissions))
    expect(missing, 'add these to operators/permissions.ts').toEqual([])
  })

  it('names no route that does not exist', () => {
    const stale = Object.keys(ownerRoutePermissions).filter((key) => !routeKeys.includes(key))
    expect(stale).toEqual([])
  })

  it('keeps keys, operators and the audit log from every role but owner', () => {
    for (const key of routeKeys.filter((k) => /\/(keys|operators|audit-log|origins)\b/.test(k))) {
      expect(ownerRoutePermissions[key], key).toBe('owner')
    }
  })
})

type Caller = OperatorRole | 'secret key' | 'no role'
const callers: Caller[] = [...operatorRoles, 'secret key', 'no role']

describe.each(callers)('as %s', (caller) => {
  let h: ConsoleHarness
  let world: OwnerWorld
  let headers: Record<string, string>

  beforeAll(async () => {
    h = await createConsoleHarness()
    world = await ownerWorld(h)
    if (caller === 'secret key') {
      headers = bearer(h.site.secretKey)
      return
    }
    // An operator of site A with the role, or (no role) an owner of site B asking for site A.
    const operator = await addOperator(h, {
      email: 'caller@example.com',
      roles: caller === 'no role' ? { [world.siteB.id]: 'owner' } : { [h.site.id]: caller },
      totp: true,
    })
    headers = {
      Cookie: await signInAs(h, operator),
      Origin: consoleOrigin,
      'X-Porchlight-Site': h.site.id,
    }
  })
  afterAll(() => h.close())

  const auditCount = async () =>
    Number(
      (
        await rows(h.t.client, 'SELECT count(*) AS n FROM audit_log WHERE site_id = ?', h.site.id)
      )[0]?.n,
    )

  it.each(routes)('$method $template', async ({ method, template }) => {
    const key = `${method} ${template}`
    const changes = validChanges(world, h.clock.now())
    const body = key in changes ? changes[key] : method === 'GET' || method === 'DELETE' ? null : {}
    const path = pathFor(world, method, template)
    const before = await auditCount()
    const res = await h.t.app.request(
      path,
      body === null || body === undefined
        ? { method, headers }
        : jsonRequest(method, body, headers),
    )
    const answer = await res.clone().text()
    const needed = roleNeededFor(method, template)

    if (caller === 'no role') {
      expect(res.status, answer).toBe(403)
      expect(await res.json()).toEqual(apiError('SITE_FORBIDDEN'))
      expect(await auditCount()).toBe(before)
      return
    }
    if (caller !== 'secret key' && !roleIncludes(caller, needed)) {
      expect(res.status, answer).toBe(403)
      expect(await res.json()).toEqual({
        error: {
          code: 'ROLE_FORBIDDEN',
          message: `This needs the ${needed} role on this site.`,
          fields: {},
        },
      })
      // Refused before anything happened, so nothing to record.
      expect(await auditCount()).toBe(before)
      return
    }
    // Allowed: the route itself answers, and with the world's real rows it succeeds.
    expect([401, 403], answer).not.toContain(res.status)
    if (method === 'GET') {
      expect(res.status, answer).toBe(200)
      return
    }
    if (key in changes) {
      expect(res.status, answer).toBeGreaterThanOrEqual(200)
      expect(res.status, answer).toBeLessThan(300)
      expect(await auditCount()).toBe(before + 1)
    }
  })
})
