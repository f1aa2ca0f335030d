import { Hono } from 'hono'
import { z } from 'zod'
import { jsonBody, queryParams } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { auditEntries } from './audit-queries.ts'
import { addAuditDetails, ownerCallerOf } from './context.ts'
import type { OperatorDeps } from './deps.ts'
import { OperatorErrors } from './errors.ts'
import { inviteOperator, revokeInvite } from './invites.ts'
import {
  auditLogAnswer,
  auditLogQuery,
  changeRoleSchema,
  inviteSchema,
  pendingInviteAnswer,
  siteOperatorAnswer,
  siteOperatorsAnswer,
} from './schemas.ts'
import { changeOperatorRole, removeOperator, siteOperators } from './site-operators.ts'

/** Ids are random base32 (`op_…`, invite ids): anything longer or stranger is simply not found. */
const idParam = z.string().max(64)

/** The owner's management of the site's operators, and the site's audit log. */
export function adminOperatorRoutes(deps: OperatorDeps) {
  const { db, clock } = deps
  const owner = { tags: ['Owner: operators'], access: 'owner' } as const
  return new Hono<AppEnv>()
    .get(
      '/operators',
      documented({
        ...owner,
        summary: 'List the site’s operators',
        description: 'Everyone with a role on the site, owners first, and the invites still open.',
        responses: { 200: siteOperatorsAnswer },
      }),
      async (c) =>
        c.json(
          (await siteOperators(db, clock, siteOf(c).scope)) satisfies z.input<
            typeof siteOperatorsAnswer
          >,
        ),
    )
    .post(
      '/operator-invites',
      documented({
        ...owner,
        summary: 'Invite an operator',
        description:
          'Emails a link to `/console/invite/<token>`, good once for 7 days, to accept the role with an existing or a new operator account. A new invite to the same address replaces the open one. At most 20 an hour per site (429 with `Retry-After`).',
        responses: { 201: pendingInviteAnswer },
        errors: { 409: ['ALREADY_OPERATOR'] },
      }),
      ...jsonBody(inviteSchema),
      async (c) => {
        const input = c.req.valid('json')
        const invite = await inviteOperator(deps, siteOf(c), ownerCallerOf(c), input)
        addAuditDetails(c, { email: invite.email, role: invite.role })
        afterResponse(c, deps.kickOutbox())
        return c.json(invite satisfies z.input<typeof pendingInviteAnswer>, 201)
      },
    )
    .delete(
      '/operator-invites/:id',
      documented({
        ...owner,
        summary: 'Withdraw an invite',
        description: 'Its link stops working at once.',
        responses: { 204: null },
        errors: { 404: ['INVITE_NOT_FOUND'] },
      }),
      async (c) => {
        const id = idParam.safeParse(c.req.param('id'))
        if (!id.success) throw OperatorErrors.inviteNotFound()
        await revokeInvite(db, siteOf(c).scope, id.data)
        return c.body(null, 204)
      },
    )
    .patch(
      '/operators/:id',
      documented({
        ...owner,
        summary: 'Change an operator’s role',
        description:
          'Effective on their next request. A site keeps at least one owner (409 `LAST_OWNER`).',
        responses: { 200: siteOperatorAnswer },
        errors: { 404: ['OPERATOR_NOT_FOUND'], 409: ['LAST_OWNER'] },
      }),
      ...jsonBody(changeRoleSchema),
      async (c) => {
        const id = idParam.safeParse(c.req.param('id'))
        if (!id.success) throw OperatorErrors.operatorNotFound()
        const { role } = c.req.valid('json')
        const changed = await changeOperatorRole(db, clock, siteOf(c).scope, id.data, role)
        addAuditDetails(c, { email: changed.after.email, from: changed.before, to: role })
        return c.json(changed.after satisfies z.input<typeof siteOperatorAnswer>)
      },
    )
    .delete(
      '/operators/:id',
      documented({
        ...owner,
        summary: 'Remove an operator from the site',
        description:
          'Their account stays, with their roles on other sites. A site keeps at least one owner (409 `LAST_OWNER`).',
        responses: { 204: null },
        errors: { 404: ['OPERATOR_NOT_FOUND'], 409: ['LAST_OWNER'] },
      }),
      async (c) => {
        const id = idParam.safeParse(c.req.param('id'))
        if (!id.success) throw OperatorErrors.operatorNotFound()
        const removed = await removeOperator(db, siteOf(c).scope, id.data)
        addAuditDetails(c, { email: removed.email, role: removed.role })
        return c.body(null, 204)
      },
    )
    .get(
      '/audit-log',
      documented({
        ...owner,
        summary: 'The audit log',
        description:
          'Every change made to the site through the owner API and the console, newest first: who (an operator or a secret key), what, from which address, when. Filter by `actor` (an operator’s or key’s id) or `action` (`METHOD /template`).',
        responses: { 200: auditLogAnswer },
        errors: { 400: ['INVALID_CURSOR'] },
      }),
      queryParams(auditLogQuery),
      async (c) => {
        const { cursor, actor, action, limit } = c.req.valid('query')
        const [createdAt, id] = cursor ? decodeCursor(cursor) : []
        const before =
          typeof createdAt === 'number' && typeof id === 'string' ? { createdAt, id } : undefined
        if (cursor && !before)
          throw new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')
        const rows = await auditEntries(db, siteOf(c).scope, {
          actor,
          action,
          before,
          limit: limit + 1,
        })
        const page = rows.slice(0, limit)
        const last = page.at(-1)
        return c.json({
          entries: page.map((row) => ({
            id: row.id,
            actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
            action: row.action,
            summary: row.summary,
            target: (row.target as Record<string, string> | null) ?? null,
            details: (row.details as Record<string, unknown> | null) ?? null,
            ip: row.ip,
            createdAt: row.createdAt,
          })),
          nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
        } satisfies z.input<typeof auditLogAnswer>)
      },
    )
}
