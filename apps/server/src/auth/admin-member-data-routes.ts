import { Hono } from 'hono'
import type { z } from 'zod'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { accountExportAnswer, memberSessionsAnswer } from './account-schemas.ts'
import type { AuthDeps } from './deps.ts'
import { MemberAdminErrors } from './errors.ts'
import { exportFileName, exportMemberData } from './export-data.ts'
import { memberById } from './members.ts'
import { listOwnSessions } from './own-sessions.ts'

const doc = { tags: ['Owner: members'], access: 'owner' } as const

/**
 * What the site holds about one member, for the owner: their signed-in devices, and the data
 * export the member would download themselves (to answer a data request, or before deleting).
 */
export function adminMemberDataRoutes(deps: Pick<AuthDeps, 'db' | 'clock'>) {
  const { db, clock } = deps
  return new Hono<AppEnv>()
    .get(
      '/members/:id/sessions',
      documented({
        ...doc,
        summary: 'A member’s sessions',
        description:
          'Each device signed in now: when it signed in, when it was last used (to the hour), when the session ends, the browser it named and its address. Never the token. `DELETE` on the same path ends them all.',
        responses: { 200: memberSessionsAnswer },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      async (c) => {
        const site = siteOf(c)
        const member = await memberById(db, site.scope, c.req.param('id'))
        if (!member) throw MemberAdminErrors.memberNotFound()
        const sessions = await listOwnSessions(db, site, member.id, null, clock.now())
        return c.json({
          items: sessions.map(({ current: _, ...session }) => session),
        } satisfies z.input<typeof memberSessionsAnswer>)
      },
    )
    .get(
      '/members/:id/export',
      documented({
        ...doc,
        summary: 'Download a member’s data',
        description:
          'The document the member gets from `GET /v1/account/export`, as a file download: the account, live sessions (none marked `current`), contact-form messages sent while signed in, and every forum post written.',
        responses: {
          200: {
            description: 'The member’s data.',
            schema: accountExportAnswer,
            headers: {
              'Content-Disposition': {
                description: '`attachment; filename="porchlight-account-<member id>.json"`',
              },
            },
          },
        },
        errors: { 404: ['MEMBER_NOT_FOUND'] },
      }),
      async (c) => {
        const site = siteOf(c)
        const member = await memberById(db, site.scope, c.req.param('id'))
        if (!member) throw MemberAdminErrors.memberNotFound()
        const data = await exportMemberData(deps, site, member, null)
        c.header('Content-Disposition', `attachment; filename="${exportFileName(member.id)}"`)
        c.header('Cache-Control', 'no-store')
        return c.json(data satisfies z.input<typeof accountExportAnswer>)
      },
    )
}
