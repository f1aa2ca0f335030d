import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { requireAuth } from '../http/member.ts'
import { documented } from '../http/openapi.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import { siteOf } from '../http/site.ts'
import type { AuthDeps } from './deps.ts'
import { removeOwnPasskey, renameOwnPasskey } from './passkey-management.ts'
import { passkeyRegistrationOptions, registerPasskey } from './passkey-registration.ts'
import {
  passkeyAnswer,
  passkeyListAnswer,
  passkeyRegisterSchema,
  passkeyRegistrationOptionsAnswer,
  passkeyRenameSchema,
  passkeySignInOptionsAnswer,
  passkeySignInSchema,
} from './passkey-schemas.ts'
import { passkeySignInOptions, signInWithPasskey } from './passkey-sign-in.ts'
import { passkeysOfMember } from './passkey-store.ts'
import { requireRecentSignIn } from './recent-sign-in.ts'
import { loginAnswer } from './schemas.ts'
import { sessionResponse, signInOutcomeBody } from './sign-in-answer.ts'
import { secondStepAnswer } from './totp-schemas.ts'

const tags = ['Membership'] as const

/**
 * Sign-in options per client IP a minute: each stores a challenge row, so a script must not be
 * able to fill the table; a page asks once per view (conditional UI asks on load).
 */
export const signInOptionsPerAddressPerMinute = 30

const ceremonyErrors = [
  'PASSKEY_INVALID_RESPONSE',
  'PASSKEY_CHALLENGE_INVALID',
  'PASSKEY_ORIGIN_MISMATCH',
  'PASSKEY_RP_ID_MISMATCH',
] as const

/** `/v1/auth/passkeys/*`: add, list, rename and remove passkeys, and sign in with one. */
export function passkeyRoutes(
  deps: AuthDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  return new Hono<AppEnv>()
    .post(
      '/auth/passkeys/register/options',
      documented({
        summary: 'Start adding a passkey',
        description:
          'Options for `navigator.credentials.create()` (WebAuthn), with a challenge for this member valid for 5 minutes, once. The member’s existing passkeys are listed in `excludeCredentials`. 403 `SIGN_IN_METHOD_DISABLED` where the site has passkeys off; 403 `REAUTHENTICATION_REQUIRED` unless the member signed in within the last 10 minutes (a passkey added from a stolen session would outlast it).',
        tags,
        access: 'member',
        responses: { 200: passkeyRegistrationOptionsAnswer },
        errors: { 403: ['SIGN_IN_METHOD_DISABLED', 'REAUTHENTICATION_REQUIRED'] },
      }),
      site,
      member,
      async (c) => {
        const { member: who, session } = requireAuth(c)
        requireRecentSignIn(deps, session)
        const page = c.req.header('origin')
        const options = await passkeyRegistrationOptions(deps, siteOf(c), who, page)
        c.header('Cache-Control', 'no-store')
        return c.json(options satisfies z.input<typeof passkeyRegistrationOptionsAnswer>)
      },
    )
    .post(
      '/auth/passkeys',
      documented({
        summary: 'Add a passkey',
        description:
          'Stores the passkey the authenticator made with the options’ challenge (attestation `none`: the make of the authenticator is not asked). Checked: the ceremony type, the page’s origin (one of the site’s, inside the relying party id), the challenge (this member’s, live, unused; spent now), the relying party id hash, user presence, and the key type (ES256 or RS256). Each refusal has its own code and stores nothing.',
        tags,
        access: 'member',
        responses: { 201: passkeyAnswer },
        errors: {
          400: [...ceremonyErrors, 'PASSKEY_UNSUPPORTED_ALGORITHM'],
          403: ['SIGN_IN_METHOD_DISABLED'],
          409: ['PASSKEY_ALREADY_REGISTERED'],
        },
      }),
      site,
      member,
      ...jsonBody(passkeyRegisterSchema),
      async (c) => {
        const { member: who } = requireAuth(c)
        const passkey = await registerPasskey(deps, siteOf(c), who, c.req.valid('json'))
        return c.json(passkey satisfies z.input<typeof passkeyAnswer>, 201)
      },
    )
    .get(
      '/auth/passkeys',
      documented({
        summary: 'The member’s passkeys',
        description:
          'Newest first: each one’s name, when it was added and last used. Never key material.',
        tags,
        access: 'member',
        responses: { 200: passkeyListAnswer },
      }),
      site,
      member,
      async (c) => {
        const { member: who } = requireAuth(c)
        c.header('Cache-Control', 'no-store')
        const passkeys = await passkeysOfMember(db, siteOf(c).scope, who.id)
        return c.json({ passkeys } satisfies z.input<typeof passkeyListAnswer>)
      },
    )
    .patch(
      '/auth/passkeys/:id',
      documented({
        summary: 'Rename a passkey',
        description: 'Another member’s passkey, or none, is 404 `PASSKEY_NOT_FOUND`.',
        tags,
        access: 'member',
        responses: { 200: passkeyAnswer },
        errors: { 404: ['PASSKEY_NOT_FOUND'] },
      }),
      site,
      member,
      ...jsonBody(passkeyRenameSchema),
      async (c) => {
        const { member: who } = requireAuth(c)
        const id = c.req.param('id')
        const passkey = await renameOwnPasskey(deps, siteOf(c), who, id, c.req.valid('json').name)
        return c.json(passkey satisfies z.input<typeof passkeyAnswer>)
      },
    )
    .delete(
      '/auth/passkeys/:id',
      documented({
        summary: 'Remove a passkey',
        description:
          'A member keeps at least one way to sign in: removing the last passkey of a member with no password the site takes, no sign-in links on the site and no linked provider is 409 `LAST_SIGN_IN_METHOD`, and the passkey stays. Another member’s passkey, or none, is 404 `PASSKEY_NOT_FOUND`.',
        tags,
        access: 'member',
        responses: { 204: null },
        errors: { 404: ['PASSKEY_NOT_FOUND'], 409: ['LAST_SIGN_IN_METHOD'] },
      }),
      site,
      member,
      async (c) => {
        const { member: who } = requireAuth(c)
        await removeOwnPasskey(deps, siteOf(c), who, c.req.param('id'))
        return c.body(null, 204)
      },
    )
    .post(
      '/auth/passkeys/sign-in/options',
      documented({
        summary: 'Start signing in with a passkey',
        description: `Options for \`navigator.credentials.get()\` with an empty \`allowCredentials\` (discoverable passkeys; works with conditional UI) and a challenge valid for 5 minutes, once. The answer is the same for everyone. At most ${signInOptionsPerAddressPerMinute} a minute per client IP (429 with \`Retry-After\`). 403 \`SIGN_IN_METHOD_DISABLED\` where the site has passkeys off.`,
        tags,
        access: 'site',
        responses: { 200: passkeySignInOptionsAnswer },
        errors: { 403: ['SIGN_IN_METHOD_DISABLED'], 429: ['RATE_LIMITED'] },
      }),
      site,
      async (c) => {
        const resolved = siteOf(c)
        await rateLimitOrThrow(deps.limiter, {
          siteId: resolved.id,
          bucket: `passkey-options:address:${deps.clientAddress(c)}`,
          limit: signInOptionsPerAddressPerMinute,
          windowMs: 60_000,
        })
        const options = await passkeySignInOptions(deps, resolved, c.req.header('origin'))
        c.header('Cache-Control', 'no-store')
        return c.json(options satisfies z.input<typeof passkeySignInOptionsAnswer>)
      },
    )
    .post(
      '/auth/passkeys/sign-in',
      documented({
        summary: 'Sign in with a passkey',
        description:
          'Checks the authenticator’s answer to the options’ challenge and answers as `POST /v1/auth/login` does. A passkey used with user verification (a PIN, a fingerprint) counts as two factors: no TOTP step follows. Without it, a member with TOTP on gets the `totp_required` step. Refused, storing nothing: an unknown credential (another site’s, or removed) 401 `PASSKEY_UNKNOWN_CREDENTIAL`; a bad signature 401 `PASSKEY_INVALID_SIGNATURE`; a signature counter that did not move forward (a cloned authenticator) 401 `PASSKEY_COUNTER_ROLLBACK`; a page outside the site’s origins 400 `PASSKEY_ORIGIN_MISMATCH`; an expired or used challenge 400 `PASSKEY_CHALLENGE_INVALID`. Failures are throttled like passwords: 429 with `Retry-After`.',
        tags,
        access: 'site',
        responses: {
          200: sessionResponse(z.union([...loginAnswer.options, secondStepAnswer])),
        },
        errors: {
          400: ceremonyErrors,
          401: [
            'PASSKEY_UNKNOWN_CREDENTIAL',
            'PASSKEY_INVALID_SIGNATURE',
            'PASSKEY_COUNTER_ROLLBACK',
            'INVALID_CREDENTIALS',
          ],
          403: ['ACCOUNT_SUSPENDED', 'EMAIL_NOT_VERIFIED', 'SIGN_IN_METHOD_DISABLED'],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      ...jsonBody(passkeySignInSchema),
      async (c) => {
        const resolved = siteOf(c)
        const input = c.req.valid('json')
        const outcome = await signInWithPasskey(deps, resolved, input, {
          ip: deps.clientAddress(c),
          userAgent: c.req.header('user-agent'),
        })
        const options = { secureCookies: deps.config.secureCookies, now: clock.now() }
        return c.json(signInOutcomeBody(c, options, resolved, outcome, input.transport))
      },
    )
}
