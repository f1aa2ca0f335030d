import { Hono } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { requireOperator } from './context.ts'
import type { OperatorDeps } from './deps.ts'
import {
  passwordConfirmSchema,
  recoveryCodesAnswer,
  totpConfirmSchema,
  totpSetupAnswer,
} from './schemas.ts'
import {
  confirmTotpSetup,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpSetup,
} from './totp-settings.ts'

const tags = ['Operators'] as const

/** The signed-in operator's two-factor sign-in: set up, confirm, recovery codes, turn off. */
export function operatorTotpRoutes(deps: OperatorDeps) {
  return new Hono<AppEnv>()
    .post(
      '/operator/totp/setup',
      documented({
        summary: 'Start setting up TOTP',
        description:
          'A new key for an authenticator app, as text, an `otpauth://` URI and an SVG QR code. It is pending until `POST /v1/operator/totp/confirm` proves the app has it; a key already in force stays so until then. Allowed to a restricted session.',
        tags,
        access: 'operator',
        responses: { 200: totpSetupAnswer },
      }),
      async (c) => {
        const auth = requireOperator(c, { allowRestricted: true })
        return c.json((await startTotpSetup(deps, auth)) satisfies z.input<typeof totpSetupAnswer>)
      },
    )
    .post(
      '/operator/totp/confirm',
      documented({
        summary: 'Confirm TOTP setup',
        description:
          'The app’s current code for the pending key puts it in force, answers ten recovery codes (shown only now), and ends the operator’s other sessions. A wrong code is 422 with `fields.code`. Allowed to a restricted session, which it makes a full one.',
        tags,
        access: 'operator',
        responses: { 200: recoveryCodesAnswer },
        errors: { 409: ['TOTP_SETUP_NOT_STARTED'] },
      }),
      ...jsonBody(totpConfirmSchema),
      async (c) => {
        const auth = requireOperator(c, { allowRestricted: true })
        const recoveryCodes = await confirmTotpSetup(deps, auth, c.req.valid('json').code, {
          ip: deps.clientAddress(c),
        })
        return c.json({ recoveryCodes } satisfies z.input<typeof recoveryCodesAnswer>)
      },
    )
    .post(
      '/operator/recovery-codes',
      documented({
        summary: 'Make new recovery codes',
        description:
          'Ten new codes in place of the old ones, after the password. Throttled with sign-in (429 with `Retry-After`).',
        tags,
        access: 'operator',
        responses: { 200: recoveryCodesAnswer },
        errors: {
          403: ['INVALID_PASSWORD', 'TOTP_SETUP_REQUIRED'],
          409: ['TOTP_NOT_ENABLED'],
          429: ['RATE_LIMITED'],
        },
      }),
      ...jsonBody(passwordConfirmSchema),
      async (c) => {
        const auth = requireOperator(c)
        const recoveryCodes = await regenerateRecoveryCodes(
          deps,
          auth,
          c.req.valid('json').password,
          { ip: deps.clientAddress(c) },
        )
        return c.json({ recoveryCodes } satisfies z.input<typeof recoveryCodesAnswer>)
      },
    )
    .delete(
      '/operator/totp',
      documented({
        summary: 'Turn TOTP off',
        description:
          'After the password; its recovery codes go too. Refused (403 `TOTP_REQUIRED`) where OPERATOR_TOTP requires it for this operator.',
        tags,
        access: 'operator',
        responses: { 204: null },
        errors: {
          403: ['INVALID_PASSWORD', 'TOTP_REQUIRED', 'TOTP_SETUP_REQUIRED'],
          409: ['TOTP_NOT_ENABLED'],
          429: ['RATE_LIMITED'],
        },
      }),
      ...jsonBody(passwordConfirmSchema),
      async (c) => {
        const auth = requireOperator(c)
        await disableTotp(deps, auth, c.req.valid('json').password, { ip: deps.clientAddress(c) })
        return c.body(null, 204)
      },
    )
}
