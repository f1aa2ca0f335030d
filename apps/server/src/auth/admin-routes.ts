import { Hono } from 'hono'
import { jsonBody, optionalJsonBody, queryParams } from '../http/body.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { siteOf } from '../http/site.ts'
import { membersPage } from './admin-member-queries.ts'
import {
  banMember,
  changeMemberRole,
  deleteMember,
  endMemberSessions,
  memberDetail,
  suspendMember,
  unbanMember,
} from './admin-members.ts'
import {
  authSettingsPatchSchema,
  banSchema,
  changeRoleSchema,
  listMembersSchema,
  suspendSchema,
} from './admin-schemas.ts'
import { authSettingsOf, updateAuthSettings } from './admin-settings.ts'
import type { AuthDeps } from './deps.ts'

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

/**
 * `/v1/admin/members/*` and `/v1/admin/auth-settings`: the owner's view of members, behind a
 * secret key. Every lookup is scoped to the key's site, so another site's member is a 404.
 */
export function adminMemberRoutes(deps: AuthDeps) {
  const { db, clock } = deps
  const admin = { db, clock }
  return new Hono<AppEnv>()
    .get('/members', queryParams(listMembersSchema), async (c) => {
      const { cursor, limit, ...filter } = c.req.valid('query')
      const [createdAt, id] = cursor ? decodeCursor(cursor) : []
      if (cursor && (typeof createdAt !== 'number' || typeof id !== 'string')) throw invalidCursor()
      const before = cursor ? { createdAt: createdAt as number, id: id as string } : undefined
      const rows = await membersPage(
        db,
        siteOf(c).scope,
        { ...filter, q: filter.q || undefined, before },
        limit + 1,
        clock.now(),
      )
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      return c.json({
        items: page,
        nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
      })
    })
    .get('/members/:id', async (c) => {
      const site = siteOf(c)
      return c.json(await memberDetail(admin, site.scope, site.auth, c.req.param('id')))
    })
    .patch('/members/:id', ...jsonBody(changeRoleSchema), async (c) => {
      const site = siteOf(c)
      const { role } = c.req.valid('json')
      return c.json(await changeMemberRole(admin, site.scope, site.auth, c.req.param('id'), role))
    })
    .post('/members/:id/suspend', ...jsonBody(suspendSchema), async (c) => {
      const site = siteOf(c)
      const input = c.req.valid('json')
      return c.json(await suspendMember(admin, site.scope, site.auth, c.req.param('id'), input))
    })
    .post('/members/:id/ban', ...optionalJsonBody(banSchema), async (c) => {
      const site = siteOf(c)
      const input = c.req.valid('json')
      return c.json(await banMember(admin, site.scope, site.auth, c.req.param('id'), input))
    })
    .post('/members/:id/unban', async (c) => {
      const site = siteOf(c)
      return c.json(await unbanMember(admin, site.scope, site.auth, c.req.param('id')))
    })
    .delete('/members/:id/sessions', async (c) => {
      await endMemberSessions(admin, siteOf(c).scope, c.req.param('id'))
      return c.body(null, 204)
    })
    .delete('/members/:id', async (c) => {
      const site = siteOf(c)
      await deleteMember(admin, site.scope, site.auth, c.req.param('id'))
      return c.body(null, 204)
    })
    .get('/auth-settings', async (c) => c.json(await authSettingsOf(db, siteOf(c).scope)))
    .patch('/auth-settings', ...jsonBody(authSettingsPatchSchema), async (c) => {
      return c.json(await updateAuthSettings(db, siteOf(c).scope, c.req.valid('json')))
    })
}
