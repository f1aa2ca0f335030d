import { Hono } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { acceptInvite } from './accept-invite.ts'
import { describeOperator } from './answers.ts'
import { operatorOf } from './context.ts'
import { setOperatorCookie } from './cookie.ts'
import type { OperatorDeps } from './deps.ts'
import { OperatorErrors } from './errors.ts'
import { liveInvite } from './invites.ts'
import { acceptInviteSchema, inviteAnswer, signedInAnswer } from './schemas.ts'

const tags = ['Operators'] as const

/** Invites seen from the invitee's side: what a link is for, and accepting it. */
export function operatorInviteRoutes(deps: OperatorDeps) {
  const { db, clock, config } = deps
  return new Hono<AppEnv>()
    .get(
      '/operator/invites/:token',
      documented({
        summary: 'An invite, by its link',
        description:
          'What the emailed link invites to. An expired, used, withdrawn or unknown token answers 404 `INVITE_NOT_FOUND` alike.',
        tags,
        access: 'operator-optional',
        responses: { 200: inviteAnswer },
        errors: { 404: ['INVITE_NOT_FOUND'] },
      }),
      async (c) => {
        const found = await liveInvite(db, clock, c.req.param('token'))
        if (!found) throw OperatorErrors.inviteNotFound()
        return c.json({
          email: found.invite.email,
          siteName: found.siteName,
          role: found.invite.role,
          invitedBy: found.invite.invitedByLabel,
        } satisfies z.input<typeof inviteAnswer>)
      },
    )
    .post(
      '/operator/invites/accept',
      documented({
        summary: 'Accept an invite',
        description:
          'Signed in with the invited address, the token alone adds the role. Otherwise `name` and `password` (at least 12 characters) make a new operator account, signed in with the session cookie. An address that has an account already must sign in first (409 `SIGN_IN_TO_ACCEPT`). `totp_setup_required`: the role requires TOTP, to set up before anything else.',
        tags,
        access: 'operator-optional',
        responses: { 200: signedInAnswer },
        errors: {
          403: ['INVITE_FOR_ANOTHER_EMAIL'],
          404: ['INVITE_NOT_FOUND'],
          409: ['SIGN_IN_TO_ACCEPT'],
        },
      }),
      ...jsonBody(acceptInviteSchema),
      async (c) => {
        const accepted = await acceptInvite(deps, c.req.valid('json'), operatorOf(c), {
          ip: deps.clientAddress(c),
          userAgent: c.req.header('user-agent'),
        })
        if (accepted.token) setOperatorCookie(c, accepted.token, config.secureCookies)
        return c.json({
          status: accepted.status,
          operator: await describeOperator(db, config.operatorTotp, accepted.operator),
        } satisfies z.input<typeof signedInAnswer>)
      },
    )
}
