import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateAuthSettings } from '../../src/auth/admin-settings.ts'
import { siteScope } from '../../src/sites/scope.ts'
import { createSite } from '../../src/sites/service.ts'
import { totpCode } from '../helpers/operators.ts'
import { answerWith, type PageRequestOptions, pageRequest } from './page-request.ts'
import type { ResendEmail } from './resend-stand-in.ts'
import { startWorkerHarness, type WorkerHarness } from './worker-harness.ts'

// Issue 14's sign-in methods inside the Worker build in workerd, on D1: a sign-in link mailed
// through Resend's API and redeemed in the browser that asked; TOTP enrolment, the code step with
// a code and with a recovery code, and turning it off. The scenario tables run on Node
// (src/auth/totp.test.ts, sign-in-link.test.ts); this checks the same flows hold in workerd.

const origin = 'https://garden.example'
const email = 'ada@example.com'
const password = 'spring onions in the cold frame'

let w: WorkerHarness
let site: Awaited<ReturnType<typeof createSite>>

const call = (method: string, path: string, options?: PageRequestOptions) =>
  pageRequest(w, { key: site.publishableKey, origin }, method, path, options)

const answer = (res: Awaited<ReturnType<WorkerHarness['fetch']>>, status: number) =>
  answerWith(w, res, status)

async function nextEmail(to: string, subject: string, seen: number): Promise<ResendEmail> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const found = w.resend.emails
      .slice(seen)
      .find((e) => e.body.to.includes(to) && e.body.subject.startsWith(subject))
    if (found) return found
    if (Date.now() > deadline) throw new Error(`No email "${subject}" to ${to}`)
    await sleep(50)
  }
}

function linkToken(mail: ResendEmail, action: string): string {
  const links = (mail.body.text ?? '').match(/https?:\/\/\S+/g) ?? []
  const link = links.map((l) => new URL(l)).find((u) => u.searchParams.get('action') === action)
  return link?.searchParams.get('token') ?? ''
}

describe('on d1', () => {
  beforeAll(async () => {
    w = await startWorkerHarness({ database: 'd1' })
    site = await createSite(w.deps, { name: 'Garden', origins: [origin] })
    await updateAuthSettings(w.deps.db, siteScope(site.id), { emailLinkSignIn: true })
  }, 240_000)
  afterAll(async () => {
    await w?.close()
  })

  describe('sign-in links and two-factor on the Worker build', { timeout: 60_000 }, () => {
    let token: string
    let secret: string
    let recoveryCodes: string[]

    it('registers a member who then signs in with an emailed link, once', async () => {
      await answer(
        await call('POST', '/v1/auth/register', {
          body: { email, password, displayName: 'Ada' },
        }),
        202,
      )
      const seen = w.resend.emails.length
      const asked = await answer(
        await call('POST', '/v1/auth/sign-in-link', { body: { email } }),
        202,
      )
      const stranger = await answer(
        await call('POST', '/v1/auth/sign-in-link', { body: { email: 'nobody@example.com' } }),
        202,
      )
      expect(Object.keys(stranger)).toEqual(Object.keys(asked))
      const mail = await nextEmail(email, 'Sign in to Garden', seen)
      const link = linkToken(mail, 'sign-in')
      expect(link).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/)

      const elsewhere = await answer(
        await call('POST', '/v1/auth/sign-in-link/redeem', { body: { token: link } }),
        403,
      )
      expect(elsewhere.error.code).toBe('SIGN_IN_LINK_OTHER_BROWSER')
      const body = await answer(
        await call('POST', '/v1/auth/sign-in-link/redeem', {
          body: { token: link, browserKey: asked.browserKey },
        }),
        200,
      )
      expect(body.account).toMatchObject({ email, emailVerified: true })
      token = body.token
      const again = await answer(
        await call('POST', '/v1/auth/sign-in-link/redeem', {
          body: { token: link, browserKey: asked.browserKey },
        }),
        400,
      )
      expect(again.error.code).toBe('INVALID_TOKEN')
    })

    it('turns TOTP on with a QR code and a code', async () => {
      const setup = await answer(
        await call('POST', '/v1/auth/totp/setup', { token, body: {} }),
        200,
      )
      expect(setup.qrSvg).toMatch(/^<svg/)
      secret = setup.secret
      const confirmed = await answer(
        await call('POST', '/v1/auth/totp/confirm', {
          token,
          body: { code: totpCode(secret, Date.now()) },
        }),
        200,
      )
      recoveryCodes = confirmed.recoveryCodes
      expect(recoveryCodes).toHaveLength(10)
    })

    it('asks for the code after the password, and takes a recovery code once', async () => {
      const signIn = async () =>
        (await answer(await call('POST', '/v1/auth/login', { body: { email, password } }), 200))
          .challenge as string
      const wrong = await answer(
        await call('POST', '/v1/auth/login/totp', {
          body: { challenge: await signIn(), code: '000000' },
        }),
        401,
      )
      expect(wrong.error.code).toBe('INVALID_TOTP_CODE')
      // The next step's code: the confirming one was spent.
      const byCode = await answer(
        await call('POST', '/v1/auth/login/totp', {
          body: { challenge: await signIn(), code: totpCode(secret, Date.now() + 30_000) },
        }),
        200,
      )
      expect(byCode.token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/)
      const recoveryCode = recoveryCodes[0]
      await answer(
        await call('POST', '/v1/auth/login/totp', {
          body: { challenge: await signIn(), recoveryCode },
        }),
        200,
      )
      const reused = await answer(
        await call('POST', '/v1/auth/login/totp', {
          body: { challenge: await signIn(), recoveryCode },
        }),
        401,
      )
      expect(reused.error.code).toBe('INVALID_TOTP_CODE')
    })

    it('turns TOTP off with the password, ending the other sessions', async () => {
      await call('DELETE', '/v1/auth/totp', { token, body: { password } }).then((res) =>
        expect(res.status).toBe(204),
      )
      const [row] = await w.query<{ n: number }>(
        'SELECT count(*) AS n FROM sessions WHERE site_id = ?',
        site.id,
      )
      expect(row?.n).toBe(1)
      const body = await answer(
        await call('POST', '/v1/auth/login', { body: { email, password } }),
        200,
      )
      expect(body.token).toEqual(expect.any(String))
    })
  })

  describe('registration where password sign-in is off', { timeout: 60_000 }, () => {
    it('takes no password and mails a link that confirms the address and signs in', async () => {
      const linkOnly = await createSite(w.deps, { name: 'Allotment', origins: [origin] })
      await updateAuthSettings(w.deps.db, siteScope(linkOnly.id), {
        emailLinkSignIn: true,
        passwordSignIn: false,
      })
      const onLinkOnly = (method: string, path: string, options?: PageRequestOptions) =>
        pageRequest(w, { key: linkOnly.publishableKey, origin }, method, path, options)
      const bob = 'bob@example.com'
      const refused = await answer(
        await onLinkOnly('POST', '/v1/auth/register', {
          body: { email: bob, password, displayName: 'Bob' },
        }),
        422,
      )
      expect(refused.error.code).toBe('PASSWORD_NOT_ACCEPTED')
      const seen = w.resend.emails.length
      const asked = await answer(
        await onLinkOnly('POST', '/v1/auth/register', { body: { email: bob, displayName: 'Bob' } }),
        202,
      )
      expect(asked).toEqual({ status: 'link_sent', browserKey: expect.any(String) })
      const [stored] = await w.query<{ password_hash: string }>(
        'SELECT password_hash FROM members WHERE site_id = ?',
        linkOnly.id,
      )
      expect(stored?.password_hash).toBe('')
      const mail = await nextEmail(bob, 'Confirm your email and sign in to Allotment', seen)
      const body = await answer(
        await onLinkOnly('POST', '/v1/auth/sign-in-link/redeem', {
          body: { token: linkToken(mail, 'sign-in'), browserKey: asked.browserKey },
        }),
        200,
      )
      expect(body.account).toMatchObject({ email: bob, emailVerified: true, hasPassword: false })
    })
  })
})
