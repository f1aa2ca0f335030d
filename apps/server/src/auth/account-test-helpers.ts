import { expect } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import type { DepsOptions } from '../deps.ts'
import { newId } from '../ids.ts'
import { createPasswordHasher } from './password.ts'

// Scenario tests of password recovery and account management share this: the real app over a
// real libSQL file, a clock moved by hand, members made through the real register and login
// endpoints, and readers for what was stored and queued.

export const siteOrigin = 'https://site.example'
export const otherOrigin = 'https://other.example'
/** Passes every rule of the default policy (12+ characters, not common, not personal). */
export const firstPassword = 'correct horse battery staple'
export const secondPassword = 'violet kettle under moonlight'

export type ManualClock = ReturnType<typeof manualClock>

/** scrypt at N=2^10, p=1: the same code at a fraction of the cost, for tests not about hashing. */
export function cheapPasswords() {
  return createPasswordHasher({ maxConcurrent: 4, params: { logN: 10, r: 8, p: 1 } })
}

export type AccountHarness = {
  t: TestApp
  clock: ManualClock
  /** `https://site.example`, named "Acme Garden". */
  site: TestSite
  /** A second site on the same deployment, `https://other.example`. */
  otherSite: TestSite
  close(): Promise<void>
}

export async function createAccountHarness(
  options: Partial<Omit<DepsOptions, 'config' | 'client' | 'clock'>> & {
    env?: Record<string, string>
  } = {},
): Promise<AccountHarness> {
  const clock = manualClock()
  const t = await createTestApp({ passwords: cheapPasswords(), ...options, clock })
  const site = await createTestSite(t, { name: 'Acme Garden', origins: [siteOrigin] })
  const otherSite = await createTestSite(t, { name: 'Other Site', origins: [otherOrigin] })
  return {
    t,
    clock,
    site,
    otherSite,
    async close() {
      await t.deps.outbox.kick()
      await t.close()
    },
  }
}

export type CallOptions = {
  /** A bearer session token. */
  token?: string
  /** A session cookie value, sent as the browser would. */
  cookie?: string
  body?: unknown
  /** Defaults to the site's own origin; `null` sends none (a server, curl). */
  origin?: string | null
  site?: TestSite
  headers?: Record<string, string>
}

/** A request to the public API as the SDK sends it from a page on the site. */
export function call(h: AccountHarness, method: string, path: string, options: CallOptions = {}) {
  const site = options.site ?? h.site
  const origin = options.origin === undefined ? originOf(h, site) : options.origin
  const headers: Record<string, string> = {
    'X-Porchlight-Key': site.publishableKey,
    ...(origin && { Origin: origin }),
    ...(options.token && { Authorization: `Bearer ${options.token}` }),
    ...(options.cookie && { Cookie: `porchlight_session=${options.cookie}` }),
    ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
    ...options.headers,
  }
  return h.t.app.request(`/v1${path}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  })
}

function originOf(h: AccountHarness, site: TestSite) {
  return site.id === h.otherSite.id ? otherOrigin : siteOrigin
}

export type TestMember = { id: string; email: string; password: string; token: string }

/**
 * Registers through `POST /v1/auth/register` and signs in through `POST /v1/auth/login`, as a
 * visitor would. The registration emails are queued like any other.
 */
export async function signUp(
  h: AccountHarness,
  input: {
    email: string
    password?: string
    displayName?: string
    username?: string
    site?: TestSite
  },
): Promise<TestMember> {
  const site = input.site ?? h.site
  const password = input.password ?? firstPassword
  const registered = await call(h, 'POST', '/auth/register', {
    site,
    body: {
      email: input.email,
      password,
      displayName: input.displayName ?? 'Ann Example',
      ...(input.username && { username: input.username }),
    },
  })
  expect(registered.status, await registered.clone().text()).toBe(202)
  const [row] = await rows(
    h.t.deps.client,
    'SELECT id, email FROM members WHERE site_id = ? AND email = ?',
    site.id,
    input.email.trim().toLowerCase(),
  )
  if (!row) throw new Error(`signUp: no member row for ${input.email}`)
  const token = await signIn(h, input.email, password, { site })
  return { id: String(row.id), email: String(row.email), password, token }
}

/** `POST /v1/auth/login`; the bearer token, or the cookie's value with `transport: 'cookie'`. */
export async function signIn(
  h: AccountHarness,
  email: string,
  password: string,
  options: { site?: TestSite; transport?: 'bearer' | 'cookie' } = {},
): Promise<string> {
  const transport = options.transport ?? 'bearer'
  const res = await call(h, 'POST', '/auth/login', {
    ...(options.site && { site: options.site }),
    body: { email, password, transport },
  })
  expect(res.status, await res.clone().text()).toBe(200)
  if (transport === 'bearer') return ((await res.json()) as { token: string }).token
  const cookie = /porchlight_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
  if (!cookie) throw new Error('signIn: no session cookie')
  return cookie
}

export type QueuedMail = { to: string[]; subject: string; text: string }

/** Every email in the outbox, oldest first. */
export async function queuedMails(t: TestApp): Promise<QueuedMail[]> {
  const found = await rows(
    t.deps.client,
    "SELECT payload FROM outbox WHERE kind = 'email' ORDER BY created_at, rowid",
  )
  return found.map((row) => {
    const { to, subject, text } = JSON.parse(String(row.payload)) as QueuedMail
    return { to, subject, text }
  })
}

/** Runs `action` and returns the emails it queued. */
export async function mailsQueuedBy(t: TestApp, action: () => unknown) {
  const before = (await queuedMails(t)).length
  await action()
  return (await queuedMails(t)).slice(before)
}

/** The token of a `{action}` link in an email's text, as the site's page would read it. */
export function linkToken(text: string, action: string): string {
  const match = new RegExp(`[?&]action=${action}&token=([a-z2-7]{32}\\.[a-z2-7]{32})`).exec(text)
  if (!match?.[1]) throw new Error(`no ${action} link in:\n${text}`)
  return match[1]
}

export async function memberRow(t: TestApp, id: string) {
  const [row] = await rows(t.deps.client, 'SELECT * FROM members WHERE id = ?', id)
  return row ?? null
}

export async function sessionCount(t: TestApp, memberId: string) {
  const [row] = await rows(
    t.deps.client,
    'SELECT count(*) AS n FROM sessions WHERE member_id = ?',
    memberId,
  )
  return Number(row?.n)
}

export async function tokenRows(t: TestApp, memberId: string, purpose: string) {
  return rows(
    t.deps.client,
    'SELECT * FROM member_tokens WHERE member_id = ? AND purpose = ? ORDER BY created_at, rowid',
    memberId,
    purpose,
  )
}

/**
 * A submission the member sent while signed in. Inserted directly: the contact form does not
 * record `member_id` yet, so no HTTP path can make one.
 */
export async function insertSubmission(
  h: AccountHarness,
  input: { site: TestSite; memberId: string | null; data?: Record<string, string> },
) {
  const id = newId('sub')
  const now = h.clock.now()
  await h.t.deps.client.execute({
    sql: `INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons, email,
            member_id, ip, user_agent, content_hash, created_at, updated_at)
          VALUES (?, ?, 'contact', 'new', ?, '[]', ?, ?, '203.0.113.9', 'Test browser', ?, ?, ?)`,
    args: [
      id,
      input.site.id,
      JSON.stringify(input.data ?? { message: 'Do you bake rye bread?' }),
      input.data?.email ?? null,
      input.memberId,
      `hash-${id}`,
      now,
      now,
    ],
  })
  return id
}
