import { Hono } from 'hono'
import type { z } from 'zod'
import { staffOf } from '../forum/staff.ts'
import { jsonBody, optionalJsonBody, queryParams } from '../http/body.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { adminMemberDataRoutes } from './admin-member-data-routes.ts'
import { membersPage } from './admin-member-queries.ts'
import {
  banMember,
  changeMemberRole,
  deleteMember,
  endMemberSessions,
  memberDetail,
  resetMemberTotp,
  suspendMember,
  unbanMember,
} from './admin-members.ts'
import {
  authSettingsAnswer,
  authSettingsPatchSchema,
  banSchema,
  changeRoleSchema,
  listMembersSchema,
  memberDetailAnswer,
  memberSanctionAnswer,
  membersPageAnswer,
  memberUnbannedAnswer,
  suspendSchema,
} from './admin-schemas.ts'
import { authSettingsOf, updateAuthSettings } from './admin-settings.ts'
import type { AuthDeps } from './deps.ts'

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

/**
 * `/v1/admin/members/*` and `/v1/admin/auth-settings`: the owner's view of members, behind the
 * owner API's access check (a secret key, or an operator with a role on the site). Every lookup
 * is scoped to that site, so another site's member is a 404.
 */
export function adminMemberRoutes(deps: AuthDeps) {
  const { db, clock } = deps
  const admin = { db, clock }
  return new Hono<AppEnv>()
    .route('/', adminMemberDataRoutes(deps))
    .get(
      '/members',
      documented({
        summary: 'List and search members',
        description:
          'Newest first, `limit` at a time (default 50, at most 100). `q` matches part of the email, display name or username; `role` and `status` filter (`status` is the one in force now). Pages follow `nextCursor`: pass it back as `cursor` until it is null. A cursor this API did not return is 400 `INVALID_CURSOR`.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 200: membersPageAnswer },
        errors: { 400: ['INVALID_CURSOR'] },
      }),
      queryParams(listMembersSchema),
      async (c) => {
        const { cursor, limit, ...filter } = c.req.valid('query')
        const [createdAt, id] = cursor ? decodeCursor(cursor) : []
        if (cursor && (typeof createdAt !== 'number' || typeof id !== 'string'))
          throw invalidCursor()
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
        } satisfies z.input<typeof membersPageAnswer>)
      },
    )
    .get(
      '/members/:id',
      documented({
        summary: 'One member',
        description: 'The member, with the number of their sessions still in force.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 200: memberDetailAnswer },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      async (c) => {
        const site = siteOf(c)
        return c.json(await memberDetail(admin, site.scope, site.auth, c.req.param('id')))
      },
    )
    .patch(
      '/members/:id',
      documented({
        summary: 'Change a member’s role',
        description:
          'A member made moderator or admin without two-factor sign-in, where the site requires it of staff (`totp: required_for_staff`), is signed out everywhere: their next sign-in asks them to enrol.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 200: memberDetailAnswer },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      ...jsonBody(changeRoleSchema),
      async (c) => {
        const site = siteOf(c)
        const { role } = c.req.valid('json')
        return c.json(await changeMemberRole(admin, site.scope, site.auth, c.req.param('id'), role))
      },
    )
    .post(
      '/members/:id/suspend',
      documented({
        summary: 'Suspend a member',
        description:
          'Until `until` (epoch milliseconds or an ISO 8601 date-time, in the future and at most 10 years ahead), and ends their sessions at once. A banned member stays banned: 409 `MEMBER_BANNED`; unban first. Written to the moderation log, naming the operator (or the owner, for a secret key).',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 200: memberSanctionAnswer },
        errors: { 404: ['MEMBER_NOT_FOUND'], 409: ['MEMBER_BANNED'] },
      }),
      ...jsonBody(suspendSchema),
      async (c) => {
        const site = siteOf(c)
        const input = c.req.valid('json')
        return c.json(
          await suspendMember(admin, site.scope, site.auth, c.req.param('id'), input, staffOf(c)),
        )
      },
    )
    .post(
      '/members/:id/ban',
      documented({
        summary: 'Ban a member',
        description:
          'Until unbanned, and ends their sessions at once. The body, with a `reason`, may be left out. Banning again changes nothing. Written to the moderation log, naming the operator (or the owner, for a secret key).',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 200: memberSanctionAnswer },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      ...optionalJsonBody(banSchema),
      async (c) => {
        const site = siteOf(c)
        const input = c.req.valid('json')
        return c.json(
          await banMember(admin, site.scope, site.auth, c.req.param('id'), input, staffOf(c)),
        )
      },
    )
    .post(
      '/members/:id/unban',
      documented({
        summary: 'Lift a ban or a suspension',
        description:
          'The member may sign in again at once. Written to the moderation log, naming the operator (or the owner, for a secret key); lifting nothing logs nothing.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 200: memberUnbannedAnswer },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      async (c) => {
        const site = siteOf(c)
        return c.json(
          await unbanMember(admin, site.scope, site.auth, c.req.param('id'), staffOf(c)),
        )
      },
    )
    .delete(
      '/members/:id/sessions',
      documented({
        summary: 'Sign a member out everywhere',
        description: 'Ends every session of the member; they may sign in again.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 204: null },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      async (c) => {
        await endMemberSessions(admin, siteOf(c).scope, c.req.param('id'))
        return c.body(null, 204)
      },
    )
    .delete(
      '/members/:id/totp',
      documented({
        summary: 'Reset a member’s two-factor sign-in',
        description:
          'For a member who lost the phone and the recovery codes: turns TOTP off, deletes the recovery codes and ends every session. The password alone signs in afterwards, so be sure the member asked. Staff the site requires TOTP of are asked to enrol again at their next sign-in.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 204: null },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      async (c) => {
        await resetMemberTotp(admin, siteOf(c).scope, c.req.param('id'))
        return c.body(null, 204)
      },
    )
    .delete(
      '/members/:id',
      documented({
        summary: 'Delete a member',
        description:
          'Deletes the member with their sessions and emailed links; the site’s `deletedMemberPosts` setting decides what happens to their forum posts. No email is sent.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 204: null },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      async (c) => {
        const site = siteOf(c)
        await deleteMember(admin, site.scope, site.auth, c.req.param('id'))
        return c.body(null, 204)
      },
    )
    .get(
      '/auth-settings',
      documented({
        summary: 'Membership settings',
        description:
          'Every setting, with defaults filled in; the answer can be sent back as a PATCH.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 200: authSettingsAnswer },
      }),
      async (c) => c.json(await authSettingsOf(db, siteOf(c).scope)),
    )
    .patch(
      '/auth-settings',
      documented({
        summary: 'Change membership settings',
        description:
          'A partial object of the settings in the answer: keys left out keep their value, `null` restores a key’s default. An unknown key or a bad value is 422, each named as `settings.<key>` in `fields`. Answers every setting after the change.',
        tags: ['Owner: members'],
        access: 'owner',
        responses: { 200: authSettingsAnswer },
      }),
      ...jsonBody(authSettingsPatchSchema),
      async (c) => {
        return c.json(await updateAuthSettings(db, siteOf(c).scope, c.req.valid('json')))
      },
    )
}
