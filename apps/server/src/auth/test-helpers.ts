import { expect } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { jsonRequest, rows } from '../../test/helpers/http.ts'
import type { DepsOptions } from '../deps.ts'
import type { BreachedPasswordChecker } from './breached-passwords.ts'
import { createPasswordHasher, type PasswordHasher } from './password.ts'
import type { AuthSettings } from './settings.ts'

// Scenario tests of `/v1/auth/*` share this: the real app over a real libSQL file, a clock moved
// by hand, email jobs left in the outbox to be read back (one scenario per email also goes
// through a real SMTP server), and the requests the SDK or a browser would send.

export const siteOrigin = 'https://site.example'
/** What the test app sees as every caller's address, unless a test trusts X-Forwarded-For. */
export const socketAddress = '203.0.113.9'
export const password = 'correct horse battery staple'

export type ManualClock = ReturnType<typeof manualClock>

/** Cheap scrypt for scenario tests; hashing and timing tests use the real parameters. */
export function fastPasswords(): PasswordHasher {
  return createPasswordHasher({ maxConcurrent: 4, params: { logN: 10, r: 8, p: 1 } })
}

/** A breached-password checker that must never be asked (the site setting is off). */
export const noBreachedChecks: BreachedPasswordChecker = {
  isBreached: async () => {
    throw new Error('the breached-password check is off for this site')
  },
}

export type AuthHarness = {
  t: TestApp
  clock: ManualClock
  site: TestSite
  close(): Promise<void>
}

export type AuthHarnessOptions = Partial<Omit<DepsOptions, 'config' | 'client' | 'clock'>> & {
  env?: Record<string, string>
  settings?: Partial<AuthSettings>
}

/** A fresh app and database with one site on `https://site.example`; outbox not delivered. */
export async function createAuthHarness(options: AuthHarnessOptions = {}): Promise<AuthHarness> {
  const { settings, ...deps } = options
  const clock = manualClock()
  const t = await createTestApp({
    clock,
    // No handlers: queued emails stay in the outbox for the test to read.
    handlers: {},
    passwords: fastPasswords(),
    breachedPasswords: noBreachedChecks,
    ...deps,
  })
  const site = await createTestSite(t, { origins: [siteOrigin] })
  if (settings) await setAuthSettings(t, site, settings)
  return {
    t,
    clock,
    site,
    async close() {
      await t.close()
    },
  }
}

/** Site settings as the owner would set them (the owner's API is tested elsewhere). */
export async function setAuthSettings(t: TestApp, site: TestSite, settings: Partial<AuthSettings>) {
  await t.deps.client.execute({
    sql: 'UPDATE sites SET auth_settings = ? WHERE id = ?',
    args: [JSON.stringify(settings), site.id],
  })
  // As the owner API does after a change: this process reads the site afresh (sites/site-cache.ts).
  t.deps.siteCache.forgetSite(site.id)
}

/** The publishable key (and, by default, the site's own Origin), as the SDK sends them. */
export function keyHeaders(
  site: TestSite,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { 'X-Porchlight-Key': site.publishableKey, Origin: siteOrigin, ...extra }
}

export async function postJson(
  h: { t: TestApp; site: TestSite },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return h.t.app.request(path, jsonRequest('POST', body, keyHeaders(h.site, headers)))
}

/** A request as a signed-in SDK makes it: key, Origin and the bearer token. */
export async function asMember(
  h: { t: TestApp; site: TestSite },
  token: string,
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return h.t.app.request(path, {
    method: init.method ?? 'GET',
    headers: keyHeaders(h.site, { Authorization: `Bearer ${token}`, ...init.headers }),
  })
}

export type Registration = {
  email: string
  password?: string
  displayName?: string
  username?: string
}

export function registerMember(h: AuthHarness, input: Registration, headers = {}) {
  return postJson(
    h,
    '/v1/auth/register',
    { password, displayName: 'Ann Example', ...input },
    headers,
  )
}

export function signIn(
  h: AuthHarness,
  input: { email: string; password?: string; transport?: 'bearer' | 'cookie' },
  headers: Record<string, string> = {},
) {
  return postJson(h, '/v1/auth/login', { password, ...input }, headers)
}

/** Registers, verifies through the emailed link, signs in; the bearer token. */
export async function signedInMember(h: AuthHarness, input: Registration): Promise<string> {
  expect((await registerMember(h, input)).status).toBe(202)
  const mail = (await queuedMails(h.t)).findLast((m) => m.to.includes(input.email.toLowerCase()))
  if (!mail) throw new Error(`no verification mail for ${input.email}`)
  const verified = await postJson(h, '/v1/auth/verify-email', { token: linkToken(mail) })
  expect(verified.status).toBe(200)
  const res = await signIn(h, {
    email: input.email,
    ...(input.password && { password: input.password }),
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return ((await res.json()) as { token: string }).token
}

export type QueuedMail = { siteId: string; to: string[]; subject: string; text: string }

/** Every email job queued, oldest first. */
export async function queuedMails(t: TestApp): Promise<QueuedMail[]> {
  const found = await rows(
    t.deps.client,
    "SELECT site_id, payload FROM outbox WHERE kind = 'email' ORDER BY created_at, rowid",
  )
  return found.map((row) => {
    const payload = JSON.parse(String(row.payload)) as QueuedMail
    return {
      siteId: String(row.site_id),
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
    }
  })
}

/** The token in an emailed link (`…&token=<id>.<secret>`). */
export function linkToken(mail: { text: string }): string {
  const match = /[?&]token=([a-z2-7]{32}\.[a-z2-7]{32})/.exec(mail.text)
  if (!match?.[1]) throw new Error(`no token link in: ${mail.text}`)
  return match[1]
}

export type StoredMember = Record<string, unknown>

export async function storedMembers(t: TestApp): Promise<StoredMember[]> {
  return rows(
    t.deps.client,
    `SELECT id, site_id, email, email_verified_at, display_name, username, username_key, role,
            status, password_hash FROM members ORDER BY created_at, rowid`,
  )
}

export async function storedTokens(t: TestApp) {
  return rows(
    t.deps.client,
    'SELECT member_id, purpose, expires_at, used_at FROM member_tokens ORDER BY created_at, rowid',
  )
}

export async function storedSessions(t: TestApp) {
  return rows(
    t.deps.client,
    `SELECT id, member_id, transport, created_at, last_used_at, user_agent, ip FROM sessions
     ORDER BY created_at, rowid`,
  )
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  const [row] = await rows(t.deps.client, `SELECT count(*) AS n FROM ${table}`)
  return Number(row?.n)
}
