import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPasswordHasher } from '../../src/auth/password.ts'
import { createSite } from '../../src/sites/service.ts'
import { type PageRequestOptions, pageRequest } from './page-request.ts'
import type { ResendEmail } from './resend-stand-in.ts'
import {
  errorLines,
  formatLogs,
  mailFrom,
  onEachDatabase,
  startWorkerHarness,
  type WorkerHarness,
} from './worker-harness.ts'

/** A response from the Worker (miniflare's Response, not the global one). */
type WorkerResponse = Awaited<ReturnType<WorkerHarness['fetch']>>

// The proof for membership: the flows run inside the Worker build in workerd. Every step
// is a request into the bundle's fetch handler; the database is D1, then libSQL over Hrana HTTP
// (Turso), emails go out through Resend's API after the response (waitUntil), and passwords are
// hashed with the
// production scrypt parameters by workerd's node:crypto. The full scenario tables run on Node
// (src/auth/*.test.ts); this file checks that the same flows hold in the other runtime.

const origin = 'https://garden.example'
const otherOrigin = 'https://other.example'
const email = 'ada@example.com'
const password = 'spring onions in the cold frame'
const newPassword = 'leeks wintered under straw'

let w: WorkerHarness
let site: Awaited<ReturnType<typeof createSite>>
let other: Awaited<ReturnType<typeof createSite>>

/** What the SDK on the site's page sends: the publishable key, the page's Origin, JSON. */
const call = (method: string, path: string, options?: PageRequestOptions) =>
  pageRequest(w, { key: site.publishableKey, origin }, method, path, options)

/** Waits for the next email to `to` whose subject starts with `subject`, after `seen` emails. */
async function nextEmail(to: string, subject: string, seen: number): Promise<ResendEmail> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const found = w.resend.emails
      .slice(seen)
      .find((e) => e.body.to.includes(to) && e.body.subject.startsWith(subject))
    if (found) return found
    if (Date.now() > deadline) {
      const got = w.resend.emails.map((e) => `${e.body.to.join(',')}: ${e.body.subject}`)
      throw new Error(
        `No email "${subject}…" to ${to}; got:\n${got.join('\n')}\n${formatLogs(w.logs)}`,
      )
    }
    await sleep(50)
  }
}

/** The token of the emailed link for `action`, read from the text part as a member would. */
function linkToken(mail: ResendEmail, action: string): string {
  const links = (mail.body.text ?? '').match(/https?:\/\/\S+/g) ?? []
  const link = links.map((l) => new URL(l)).find((u) => u.searchParams.get('action') === action)
  if (!link) throw new Error(`No ${action} link in:\n${mail.body.text}`)
  expect(link.origin).toBe(origin) // links point at the site, not at the API
  const token = link.searchParams.get('token')
  if (!token) throw new Error(`The ${action} link has no token: ${link}`)
  return token
}

async function expectError(res: WorkerResponse, status: number, code: string) {
  const body = await w.json(res)
  expect({ status: res.status, code: body.error?.code }, formatLogs(w.logs)).toEqual({
    status,
    code,
  })
}

async function login(pass: string, transport?: 'cookie') {
  const started = performance.now()
  const res = await call('POST', '/v1/auth/login', {
    body: { email, password: pass, ...(transport && { transport }) },
  })
  return { res, ms: performance.now() - started }
}

async function bearerLogin(pass: string): Promise<string> {
  const { res } = await login(pass)
  const body = await w.json(res)
  expect(res.status, JSON.stringify(body)).toBe(200)
  return body.token as string
}

onEachDatabase((database) => {
  beforeAll(async () => {
    w = await startWorkerHarness({ database })
    site = await createSite(w.deps, { name: 'Garden', origins: [origin] })
    other = await createSite(w.deps, { name: 'Other', origins: [otherOrigin] })
  }, 240_000)

  afterAll(async () => {
    await w?.close()
  })

  // One member's life, in order: each scenario builds on the previous one's state.
  describe('membership on the Worker build', { timeout: 60_000 }, () => {
    let memberId: string
    let token: string

    // The Worker reads the common-password list from its static assets, not its code (issue 13:
    // the bundle's size): the refusal must be Node's, and nothing may be stored.
    it('refuses a common password at registration, with the words Node uses', async () => {
      const res = await call('POST', '/v1/auth/register', {
        body: { email: 'cole@example.com', password: 'Qwerty123456', displayName: 'Cole' },
      })
      const body = await w.json(res)
      expect({ status: res.status, code: body.error?.code }).toEqual({
        status: 422,
        code: 'VALIDATION_FAILED',
      })
      expect(body.error.fields.password).toBe(
        'This is one of the most common passwords; choose one that is harder to guess.',
      )
      const rows = await w.query('SELECT id FROM members WHERE email = ?', 'cole@example.com')
      expect(rows).toEqual([])
    })

    it('registers a member and emails a verification link through Resend', async () => {
      const seen = w.resend.emails.length
      const res = await call('POST', '/v1/auth/register', {
        body: { email: 'Ada@Example.com', password, displayName: 'Ada', username: 'ada' },
      })
      expect(await w.json(res)).toEqual({ status: 'verification_sent' })
      expect(res.status).toBe(202)

      const mail = await nextEmail(email, 'Confirm your email for Garden', seen)
      expect(mail.body.from).toBe(mailFrom)
      expect(linkToken(mail, 'verify-email')).toMatch(/\S{20,}/)

      // Hashed in workerd with today's parameters, never stored in the clear.
      const [row] = await w.query<{ id: string; password_hash: string; verified: number | null }>(
        'SELECT id, password_hash, email_verified_at AS verified FROM members WHERE site_id = ? AND email = ?',
        site.id,
        email,
      )
      expect(row?.password_hash).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$/)
      expect(row?.verified).toBeNull()
      memberId = row?.id ?? ''
    })

    it('writes hashes that Node verifies: one stored format for both runtimes', async () => {
      const [row] = await w.query<{ password_hash: string }>(
        'SELECT password_hash FROM members WHERE id = ?',
        memberId,
      )
      const node = createPasswordHasher({ maxConcurrent: 1 })
      expect(await node.verify(password, row?.password_hash ?? '')).toBe(true)
      expect(await node.verify(newPassword, row?.password_hash ?? '')).toBe(false)
    })

    it('verifies the email with the token from the link', async () => {
      const mail = await nextEmail(email, 'Confirm your email', 0)
      const res = await call('POST', '/v1/auth/verify-email', {
        body: { token: linkToken(mail, 'verify-email') },
      })
      const body = await w.json(res)
      expect(res.status, JSON.stringify(body)).toBe(200)
      expect(body.account).toMatchObject({
        id: memberId,
        email,
        emailVerified: true,
        username: 'ada',
      })
      expect(body.account).not.toHaveProperty('passwordHash')

      // Single use: the same link a second time is refused.
      const again = await call('POST', '/v1/auth/verify-email', {
        body: { token: linkToken(mail, 'verify-email') },
      })
      await expectError(again, 400, 'INVALID_TOKEN')
    })

    it('signs in with a bearer token (scrypt at N=2^14, r=8, p=5 in workerd)', async () => {
      const { res, ms } = await login(password)
      const body = await w.json(res)
      expect(res.status, JSON.stringify(body)).toBe(200)
      expect(body.token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32,}$/)
      expect(body.account).toMatchObject({ id: memberId, emailVerified: true })
      expect(body.expiresAt).toBeGreaterThan(Date.now())
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('set-cookie')).toBeNull()
      token = body.token

      // Two more sign-ins for steadier figures, and a request that does the same kind of database
      // work without hashing, to tell the scrypt cost from the round trips.
      const logins = [ms]
      for (let i = 0; i < 2; i++) {
        const again = await login(password)
        expect(again.res.status).toBe(200)
        logins.push(again.ms)
      }
      const started = performance.now()
      const session = await call('GET', '/v1/auth/session', { token })
      const sessionMs = performance.now() - started
      expect(session.status).toBe(200)
      console.log(
        `workerd: login ${logins.map((t) => t.toFixed(0)).join(', ')} ms (each one scrypt ` +
          `verify at ln=14,r=8,p=5 plus database round trips); GET /v1/auth/session ` +
          `${sessionMs.toFixed(0)} ms`,
      )
    })

    it('answers an unknown address like a wrong password, also once the dummy hash is cached', async () => {
      // The dummy hash for unknown addresses is made by the first request that needs it and reused
      // by later ones: a promise shared across requests, which workerd restricts.
      for (const attempt of [
        { email: 'nobody@example.com', password },
        { email: 'nobody-else@example.com', password },
        { email, password: 'not the password at all' },
      ]) {
        const res = await call('POST', '/v1/auth/login', { body: attempt })
        await expectError(res, 401, 'INVALID_CREDENTIALS')
      }
    })

    it('answers GET /v1/auth/session with the account and the bearer session', async () => {
      const res = await call('GET', '/v1/auth/session', { token })
      const body = await w.json(res)
      expect(res.status).toBe(200)
      expect(body).toEqual({
        account: expect.objectContaining({ id: memberId, email, emailVerified: true }),
        session: expect.objectContaining({ id: token.split('.')[0], transport: 'bearer' }),
      })
      expect(res.headers.get('cache-control')).toBe('no-store')
    })

    it('logs out on the server: the token is refused on the next request', async () => {
      const res = await call('POST', '/v1/auth/logout', { token })
      expect(res.status).toBe(204)
      await expectError(await call('GET', '/v1/auth/session', { token }), 401, 'INVALID_SESSION')
      const rows = await w.query('SELECT id FROM sessions WHERE id = ?', token.split('.')[0])
      expect(rows).toEqual([])
    })

    it('answers a second registration of the address identically, and emails its owner', async () => {
      const seen = w.resend.emails.length
      const res = await call('POST', '/v1/auth/register', {
        body: { email, password: 'someone else entirely 42', displayName: 'Not Ada' },
      })
      expect(await w.json(res)).toEqual({ status: 'verification_sent' })
      expect(res.status).toBe(202)

      const mail = await nextEmail(email, 'You already have an account on Garden', seen)
      expect(mail.body.text).toContain('already has an account')
      expect(linkToken(mail, 'reset-password')).toBeTruthy()
      // Still one account, with the first password.
      const rows = await w.query<{ display_name: string }>(
        'SELECT display_name FROM members WHERE site_id = ? AND email = ?',
        site.id,
        email,
      )
      expect(rows).toEqual([{ display_name: 'Ada' }])
    })

    it('resets a forgotten password from the emailed link and ends every session', async () => {
      const before = await bearerLogin(password)
      const seen = w.resend.emails.length

      const requested = await call('POST', '/v1/auth/password-reset/request', { body: { email } })
      expect(await w.json(requested)).toEqual({ status: 'reset_sent' })
      expect(requested.status).toBe(202)
      const mail = await nextEmail(email, 'Reset your password for Garden', seen)

      const confirmed = await call('POST', '/v1/auth/password-reset/confirm', {
        body: { token: linkToken(mail, 'reset-password'), password: newPassword },
      })
      expect(await w.json(confirmed)).toEqual({ status: 'password_reset' })
      expect(confirmed.status).toBe(200)
      await nextEmail(email, 'Your Garden password was changed', seen)

      await expectError(
        await call('GET', '/v1/auth/session', { token: before }),
        401,
        'INVALID_SESSION',
      )
      await expectError((await login(password)).res, 401, 'INVALID_CREDENTIALS')
      token = await bearerLogin(newPassword)
      expect((await call('GET', '/v1/auth/session', { token })).status).toBe(200)
    })

    it('asks a reset for an unknown address the same, and sends nothing', async () => {
      const seen = w.resend.emails.length
      const res = await call('POST', '/v1/auth/password-reset/request', {
        body: { email: 'nobody@example.com' },
      })
      expect(await w.json(res)).toEqual({ status: 'reset_sent' })
      expect(res.status).toBe(202)
      await sleep(500) // delivery runs after the response; give it the chance to misbehave
      expect(w.resend.emails.slice(seen).map((e) => e.body.to)).toEqual([])
    })
  })

  describe('cookie sessions on the Worker build', { timeout: 60_000 }, () => {
    let cookie: string

    const withCookie = (method: string, path: string, headers: Record<string, string> = {}) =>
      call(method, path, { headers: { Cookie: cookie, ...headers } })

    async function stillSignedIn() {
      const res = await withCookie('GET', '/v1/auth/session')
      const body = await w.json(res)
      expect(res.status, JSON.stringify(body)).toBe(200)
      expect(body.account).toMatchObject({ email })
      expect(body.session).toMatchObject({ transport: 'cookie' })
    }

    it('sets an HttpOnly, Secure, SameSite=Lax __Host- cookie and keeps the token out of the body', async () => {
      const { res } = await login(newPassword, 'cookie')
      const body = await w.json(res)
      expect(res.status, JSON.stringify(body)).toBe(200)
      expect(body).not.toHaveProperty('token')
      expect(body.account).toMatchObject({ email })

      const setCookie = res.headers.getSetCookie()
      expect(setCookie).toHaveLength(1)
      const header = setCookie[0] ?? ''
      expect(header).toMatch(/^__Host-porchlight_session=[a-z2-7]{32}\.[a-z2-7]+;/)
      expect(header).toContain('HttpOnly')
      expect(header).toContain('SameSite=Lax')
      expect(header).toContain('Secure')
      expect(header).toContain('Path=/')
      expect(header).not.toMatch(/Domain=/i)
      cookie = header.split(';')[0] ?? ''
      await stillSignedIn()
    })

    it('refuses a logout posted from another website’s page, and the session lives on', async () => {
      const res = await withCookie('POST', '/v1/auth/logout', { Origin: 'https://evil.example' })
      // The key's origin check refuses a foreign Origin before the session is even read.
      await expectError(res, 403, 'ORIGIN_NOT_ALLOWED')
      await stillSignedIn()
    })

    it('refuses a cross-site HTML form post that sends no Origin (Sec-Fetch-Site)', async () => {
      const res = await w.fetch(`/v1/auth/logout?key=${encodeURIComponent(site.publishableKey)}`, {
        method: 'POST',
        body: 'submit=1',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: cookie,
          'Sec-Fetch-Site': 'cross-site',
          'Sec-Fetch-Mode': 'navigate',
        },
      })
      await expectError(res, 403, 'CROSS_SITE_REQUEST')
      await stillSignedIn()
    })

    it('logs out from the site itself and clears the cookie', async () => {
      const res = await withCookie('POST', '/v1/auth/logout')
      expect(res.status).toBe(204)
      expect(res.headers.get('set-cookie')).toMatch(
        /^__Host-porchlight_session=; Max-Age=0; Path=\//,
      )
      await expectError(await withCookie('GET', '/v1/auth/session'), 401, 'INVALID_SESSION')
    })
  })

  describe('password hashing under concurrency on the Worker build', { timeout: 60_000 }, () => {
    it('registers four members at once: every hash completes, none is lost in the queue', async () => {
      // One isolate serves all four. workerd's scrypt runs on the isolate's own thread (a hash
      // blocks the isolate for its duration), so the hasher's queue is released across requests:
      // a waiting request is resumed by another request's completed hash.
      const seen = w.resend.emails.length
      const emails = ['bea', 'cal', 'dot', 'eli'].map((name) => `${name}@example.com`)
      const started = performance.now()
      const answers = await Promise.all(
        emails.map((address) =>
          call('POST', '/v1/auth/register', {
            body: { email: address, password, displayName: address.split('@')[0] },
          }),
        ),
      )
      const elapsed = performance.now() - started
      for (const res of answers) {
        expect(await w.json(res)).toEqual({ status: 'verification_sent' })
        expect(res.status).toBe(202)
      }
      for (const address of emails) await nextEmail(address, 'Confirm your email', seen)
      const hashes = await w.query<{ password_hash: string }>(
        `SELECT password_hash FROM members WHERE site_id = ? AND email IN (${emails.map(() => '?').join(', ')})`,
        site.id,
        ...emails,
      )
      expect(hashes).toHaveLength(4)
      for (const { password_hash } of hashes) expect(password_hash).toMatch(/^\$scrypt\$ln=14,/)
      console.log(`workerd: 4 concurrent registrations answered in ${elapsed.toFixed(0)} ms`)
    })
  })

  describe('tenant isolation on the Worker build', { timeout: 60_000 }, () => {
    it('makes a session from site A worthless with site B’s key', async () => {
      const token = await bearerLogin(newPassword)
      const res = await w.fetch('/v1/auth/session', {
        headers: {
          'X-Porchlight-Key': other.publishableKey,
          Origin: otherOrigin,
          Authorization: `Bearer ${token}`,
        },
      })
      await expectError(res, 401, 'INVALID_SESSION')
      // …and it still works where it was issued.
      expect((await call('GET', '/v1/auth/session', { token })).status).toBe(200)
    })

    it('does not sign site A’s member in on site B', async () => {
      const res = await w.fetch('/v1/auth/login', {
        method: 'POST',
        headers: {
          'X-Porchlight-Key': other.publishableKey,
          Origin: otherOrigin,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ email, password: newPassword }),
      })
      await expectError(res, 401, 'INVALID_CREDENTIALS')
    })

    it('logged no errors', () => {
      expect(errorLines(w.logs)).toEqual([])
    })
  })
})
