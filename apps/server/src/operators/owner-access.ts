import type { Context, Next } from 'hono'
import { createMiddleware } from 'hono/factory'
import { readAuthSettings } from '../auth/settings.ts'
import type { AppEnv } from '../http/env.ts'
import type { RateLimiter } from '../http/rate-limit.ts'
import { secretKeySite, siteOf } from '../http/site.ts'
import { siteScope } from '../sites/scope.ts'
import type { SiteCache } from '../sites/site-cache.ts'
import { recordAudit } from './audit.ts'
import { ownerCallerOf } from './context.ts'
import { OperatorErrors } from './errors.ts'
import { matchedRoute, pathParams } from './matched-route.ts'
import { hasOperatorCookie, type OperatorSessionDeps, readOperatorSession } from './middleware.ts'
import { roleNeededFor } from './permissions.ts'
import { siteWithRole } from './queries.ts'
import { roleIncludes } from './roles.ts'

export const siteHeader = 'X-Porchlight-Site'

export type OwnerAccessDeps = OperatorSessionDeps & {
  siteCache: SiteCache
  limiter: RateLimiter
  clientAddress: (c: Context) => string
}

/**
 * The owner API's door, for every `/v1/admin/*` route: a secret key (`Authorization: Bearer
 * sk_…`, owner of its site), or the console's session cookie with `X-Porchlight-Site` naming a
 * site the operator has a role on, and the role the route needs (permissions.ts). Then, for a
 * change that succeeded, the audit-log entry, written before the answer leaves.
 *
 * The custom header also makes any cross-site browser request need a CORS preflight, which the
 * owner API never grants: a second wall beside the cookie's SameSite=Strict and Origin check.
 */
export function ownerAccess(deps: OwnerAccessDeps) {
  const secretKey = secretKeySite(deps)
  return createMiddleware<AppEnv>(async (c, next) => {
    const hasBearer = /^Bearer\s/i.test(c.req.header('authorization') ?? '')
    if (hasBearer || !hasOperatorCookie(c, deps.config.secureCookies)) {
      return secretKey(c, () => answerAndAudit(deps, c, next))
    }
    const auth = await readOperatorSession(deps, c)
    if (!auth) throw OperatorErrors.signInRequired()
    if (auth.restricted) throw OperatorErrors.totpSetupRequired()
    const siteId = c.req.header(siteHeader)
    const found = siteId ? await siteWithRole(deps.db, auth.operator.id, siteId) : null
    if (!found) throw OperatorErrors.siteForbidden()
    const route = matchedRoute(c)
    if (route) {
      const needed = roleNeededFor(route.method, route.template)
      if (!roleIncludes(found.role, needed)) throw OperatorErrors.roleForbidden(needed)
    }
    c.set('operator', auth)
    c.set('site', {
      id: found.id,
      name: found.name,
      signingSecret: found.signingSecret,
      auth: readAuthSettings(found.authSettings),
      origins: [],
      scope: siteScope(found.id),
    })
    c.set('owner', {
      type: 'operator',
      id: auth.operator.id,
      label: auth.operator.email,
      name: auth.operator.name,
      role: found.role,
    })
    await answerAndAudit(deps, c, next)
  })
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

async function answerAndAudit(deps: OwnerAccessDeps, c: Context<AppEnv>, next: Next) {
  await next()
  const { status } = c.res
  if (!unsafeMethods.has(c.req.method) || status < 200 || status > 299) return
  const route = matchedRoute(c)
  if (!route) return
  const owner = ownerCallerOf(c)
  await recordAudit(deps.db, deps.clock, {
    siteId: siteOf(c).id,
    actor: { type: owner.type, id: owner.id, label: owner.label },
    action: `${route.method} ${route.template}`,
    summary: route.doc?.summary ?? `${route.method} ${route.template}`,
    target: pathParams(route.template, c.req.path),
    details: { ...(await changeDetails(c)), ...c.get('auditDetails') },
    ip: deps.clientAddress(c),
  })
}

/**
 * What the audit log says about a change beyond its route and target: the names of the fields
 * sent (never their values, which may hold a webhook URL's token or a secret), and the id of what
 * was created. Routes add more through `addAuditDetails`, field by field.
 */
async function changeDetails(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const details: Record<string, unknown> = {}
  // The body as sent (parsed once already, by the route's validator), not as completed with
  // defaults: what the caller chose to change.
  const validated = (c.req as unknown as { valid(target: string): unknown }).valid('json')
  const body = validated === undefined ? undefined : await c.req.json().catch(() => undefined)
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const fields = Object.keys(body)
    if (fields.length > 0) details.fields = fields
  }
  if (c.res.status === 201 && c.res.headers.get('content-type')?.includes('json')) {
    const created = (await c.res.clone().json()) as unknown
    if (created && typeof created === 'object' && 'id' in created && typeof created.id === 'string')
      details.createdId = created.id
  }
  return details
}
