import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { Database } from '../db/client.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { providerKinds } from './oauth-presets.ts'
import { enabledProvidersOf } from './oauth-provider-store.ts'

/** The ways in a site offers (settings.ts), so a sign-in form shows only those. */
export const signInMethodsAnswer = z.strictObject({
  password: z.boolean().describe('Email and password.'),
  emailLink: z.boolean().describe('A single-use link sent by email.'),
  totp: z
    .enum(['off', 'optional', 'required_for_staff'])
    .describe('Two-factor codes: not offered, offered, or required of moderators and admins.'),
  passkeys: z.boolean().describe('Passkeys (WebAuthn).'),
  providers: z
    .array(z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(providerKinds) }))
    .describe('“Sign in with …” providers, for `POST /v1/auth/oauth/{id}/start`.'),
})

/** `GET /v1/auth/methods`: public, like the site's name; it reveals nothing about members. */
export function signInMethodsRoutes(site: MiddlewareHandler<AppEnv>, db: Database) {
  return new Hono<AppEnv>().get(
    '/auth/methods',
    documented({
      summary: 'The sign-in methods the site offers',
      description: 'Which ways to sign in the site has turned on, for a sign-in form to show.',
      tags: ['Membership'],
      access: 'site',
      responses: { 200: signInMethodsAnswer },
    }),
    site,
    async (c) => {
      const { auth, scope } = siteOf(c)
      const providers = await enabledProvidersOf(db, scope)
      return c.json({
        password: auth.passwordSignIn,
        emailLink: auth.emailLinkSignIn,
        totp: auth.totp,
        passkeys: auth.passkeys,
        providers: providers.map((p) => ({ id: p.id, name: p.displayName, kind: p.kind })),
      } satisfies z.input<typeof signInMethodsAnswer>)
    },
  )
}
