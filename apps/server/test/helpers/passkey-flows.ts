import { expect } from 'vitest'
import {
  type AuthHarness,
  keyHeaders,
  setAuthSettings,
  signedInMember,
} from '../../src/auth/test-helpers.ts'
import type { TestSite } from './app.ts'
import { jsonRequest } from './http.ts'
import { createTestAuthenticator, type TestAuthenticator } from './passkey-authenticator.ts'

// The passkey ceremonies as the SDK runs them against the in-process app: options, the
// authenticator's answer, and the request that carries it.

export type Json = Record<string, unknown>

/** A request from the site's page, signed in when `token` is given. */
export async function call(
  h: AuthHarness,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; site?: TestSite; origin?: string } = {},
): Promise<Response> {
  const headers = keyHeaders(options.site ?? h.site, {
    ...(options.token && { Authorization: `Bearer ${options.token}` }),
    ...(options.origin && { Origin: options.origin }),
  })
  const init =
    options.body === undefined ? { method, headers } : jsonRequest(method, options.body, headers)
  return h.t.app.request(path, init)
}

export async function json(res: Response, status: number): Promise<Json> {
  const body = (await res.json()) as Json
  expect(res.status, JSON.stringify(body)).toBe(status)
  return body
}

export async function passkeysOn(h: AuthHarness, extra: Json = {}) {
  await setAuthSettings(h.t, h.site, { passkeys: true, ...extra })
}

/** A verified member signed in with a password; the bearer token. */
export function memberToken(h: AuthHarness, email = 'ann@example.com') {
  return signedInMember(h, { email })
}

export type RegisterOptions = { challenge: string; rp: { id: string }; user: { id: string } }

export async function registrationOptions(h: AuthHarness, token: string) {
  return (await json(
    await call(h, 'POST', '/v1/auth/passkeys/register/options', { token }),
    200,
  )) as Json & RegisterOptions
}

/** Adds a passkey on a new software authenticator; the authenticator and the stored view. */
export async function addPasskey(
  h: AuthHarness,
  token: string,
  authenticator?: TestAuthenticator,
): Promise<{ authenticator: TestAuthenticator; passkey: Json }> {
  const device =
    authenticator ?? (await createTestAuthenticator({ origin: 'https://site.example' }))
  const options = await registrationOptions(h, token)
  const passkey = await json(
    await call(h, 'POST', '/v1/auth/passkeys', { token, body: device.register(options) }),
    201,
  )
  return { authenticator: device, passkey }
}

export async function signInOptions(h: AuthHarness, site?: TestSite) {
  return (await json(
    await call(h, 'POST', '/v1/auth/passkeys/sign-in/options', { ...(site && { site }) }),
    200,
  )) as Json & { challenge: string; rpId: string }
}
