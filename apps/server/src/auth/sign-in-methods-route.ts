import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import type { SiteReadDeps } from '../sites/site-records.ts'
import { providerKinds } from './oauth-presets.ts'
import { offeredProvidersOf } from './oauth-provider-store.ts'

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
    .describe('“Sign in with …” providers, for `POST /v1/auth/oauth/start/{id}`.'),
})

/**
 * `GET /v1/auth/methods`: public, like the site's name; it reveals nothing about members. Every
 * page with a sign-in form asks, so all of it comes from the site cache: the settings with the
 * site, the providers beside them (`offeredProvidersOf`).
 */
export function signInMethodsRoutes(site: MiddlewareHandler<AppEnv>, deps: SiteReadDeps) {
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
      return c.json({
        password: auth.passwordSignIn,
        emailLink: auth.emailLinkSignIn,
        totp: auth.totp,
        passkeys: auth.passkeys,
        providers: [...(await offeredProvidersOf(deps, scope))],
      } satisfies z.input<typeof signInMethodsAnswer>)
    },
  )
}
