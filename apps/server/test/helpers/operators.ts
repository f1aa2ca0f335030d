// Operators in tests: accounts made straight in the database (the CLI's own path is tested in
// cli/operators.test.ts), real sign-ins through `/v1/operator/*` with real TOTP codes from
// @oslojs/otp, and requests as the console sends them: the session cookie, the console's own
// Origin, and `X-Porchlight-Site`.
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import { expect } from 'vitest'
import { fastPasswords, noBreachedChecks } from '../../src/auth/test-helpers.ts'
import type { DepsOptions } from '../../src/deps.ts'
import { insertOperator, newOperatorRow } from '../../src/operators/create-operator.ts'
import { grantRole } from '../../src/operators/queries.ts'
import type { OperatorRole } from '../../src/operators/roles.ts'
import { siteScope } from '../../src/sites/scope.ts'
import { newTotpSecret } from '../../src/two-factor/totp.ts'
import { createTestApp, createTestSite, manualClock, type TestApp, type TestSite } from './app.ts'
import { jsonRequest } from './http.ts'

/** The console's own origin as the in-process app sees it (`app.request` asks http://localhost). */
export const consoleOrigin = 'http://localhost'
export const operatorPassword = 'a long and unusual passphrase'

export type ConsoleHarness = {
  t: TestApp
  clock: ReturnType<typeof manualClock>
  site: TestSite
  close(): Promise<void>
}

/** The app with one site; emails stay queued in the outbox unless `mail`/`handlers` say else. */
export async function createConsoleHarness(
  options: Partial<Omit<DepsOptions, 'config' | 'client' | 'clock'>> & {
    env?: Record<string, string>
  } = {},
): Promise<ConsoleHarness> {
  const clock = manualClock()
  const t = await createTestApp({
    clock,
    handlers: {},
    passwords: fastPasswords(),
    breachedPasswords: noBreachedChecks,
    ...options,
  })
  const site = await createTestSite(t, { name: 'Site A' })
  return { t, clock, site, close: () => t.close() }
}

export type TestOperator = {
  id: string
  email: string
  password: string
  /** The TOTP key, when the operator has TOTP on. */
  totpSecret: string | null
}

/** An operator with roles, made straight in the database. */
export async function addOperator(
  h: ConsoleHarness,
  input: {
    email: string
    name?: string
    admin?: boolean
    roles?: Record<string, OperatorRole>
    totp?: boolean
  },
): Promise<TestOperator> {
  const { db, clock, passwords } = h.t.deps
  const row = newOperatorRow(clock, {
    email: input.email,
    name: input.name ?? input.email.split('@')[0] ?? 'Operator',
    passwordHash: await passwords.hash(operatorPassword),
    admin: input.admin ?? false,
  })
  const totpSecret = input.totp ? newTotpSecret() : null
  await db.batch([
    insertOperator(db, { ...row, ...(totpSecret && { totpSecret, totpEnabledAt: row.createdAt }) }),
    ...Object.entries(input.roles ?? {}).map(([siteId, role]) =>
      grantRole(db, siteScope(siteId), row.id, role, row.createdAt),
    ),
  ])
  return { id: row.id, email: row.email, password: operatorPassword, totpSecret }
}

/** The code an authenticator app shows for `secret` at `now`. */
export function totpCode(secret: string, now: number): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(now / 30_000)), 6)
}

/** A POST to the console's own routes, from the console's origin, with a cookie if given. */
export async function consolePost(
  h: ConsoleHarness,
  path: string,
  body: unknown,
  cookie?: string,
): Promise<Response> {
  return await h.t.app.request(
    path,
    jsonRequest('POST', body, { Origin: consoleOrigin, ...(cookie && { Cookie: cookie }) }),
  )
}

/** The `name=value` of the operator cookie a response sets, or null. */
export function operatorCookieOf(res: Response): string | null {
  const header = res.headers.getSetCookie().find((c) => /^(__Host-)?porchlight_operator=/.test(c))
  const pair = header?.split(';')[0]
  return pair && !pair.endsWith('=') ? pair : null
}

/**
 * Signs in as the console does, through the TOTP step when the operator has TOTP (a code for a
 * time step not used before: the clock moves on 30 s first). The cookie to send.
 */
export async function signInAs(h: ConsoleHarness, operator: TestOperator): Promise<string> {
  const res = await consolePost(h, '/v1/operator/sign-in', {
    email: operator.email,
    password: operator.password,
  })
  expect(res.status, await res.clone().text()).toBe(200)
  const body = (await res.json()) as { status: string; challenge?: string }
  if (body.status !== 'totp_required') {
    const cookie = operatorCookieOf(res)
    if (!cookie) throw new Error('sign-in set no cookie')
    return cookie
  }
  if (!operator.totpSecret) throw new Error('TOTP asked of an operator without a key')
  h.clock.advance(30_000)
  const second = await consolePost(h, '/v1/operator/sign-in/totp', {
    challenge: body.challenge,
    code: totpCode(operator.totpSecret, h.clock.now()),
  })
  expect(second.status, await second.clone().text()).toBe(200)
  const cookie = operatorCookieOf(second)
  if (!cookie) throw new Error('TOTP sign-in set no cookie')
  return cookie
}

/** A request to the owner API as the console makes it. */
export async function asOperator(
  h: ConsoleHarness,
  cookie: string,
  siteId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers = { Cookie: cookie, Origin: consoleOrigin, 'X-Porchlight-Site': siteId }
  return await h.t.app.request(
    path,
    body === undefined ? { method, headers } : jsonRequest(method, body, headers),
  )
}
