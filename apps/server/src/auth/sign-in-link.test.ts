import { afterEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import { totpCode } from '../../test/helpers/operators.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts'
import { createSmtpTransport, type SmtpTransport } from '../mail/smtp.ts'
import {
  type AuthHarness,
  asMember,
  createAuthHarness,
  linkToken,
  postJson,
  queuedMails,
  registerMember,
  signedInMember,
  storedMembers,
} from './test-helpers.ts'

// "Email me a sign-in link": the link as the member receives it, single use, 15 minutes, bound
// to the browser that asked, the same answer for every address, and limited like resets.

let h: AuthHarness
afterEach(() => h.close())

const email = 'ann@example.com'
const stranger = 'nobody@example.com'
const linksOn = { emailLinkSignIn: true }

type Json = Record<string, unknown>

function requestLink(address: string, headers: Record<string, string> = {}) {
  return postJson(h, '/v1/auth/sign-in-link', { email: address }, headers)
}

async function browserKeyOf(res: Response): Promise<string> {
  expect(res.status).toBe(202)
  const body = (await res.json()) as { status: string; browserKey: string }
  expect(body.status).toBe('link_sent')
  return body.browserKey
}

function redeem(body: Json) {
  return postJson(h, '/v1/auth/sign-in-link/redeem', body)
}

async function lastSignInToken(): Promise<string> {
  const mail = (await queuedMails(h.t)).findLast((m) => m.subject.startsWith('Sign in to'))
  if (!mail) throw new Error('no sign-in mail')
  return linkToken(mail)
}

describe('through a real SMTP server', () => {
  let smtp: TestSmtpServer
  let mail: SmtpTransport
  afterEach(async () => {
    await h.t.deps.outbox.kick()
    await mail.close()
    await smtp.close()
  })

  it('signs in from the link received, verifies the address, and works once', async () => {
    smtp = await startTestSmtpServer()
    mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
    h = await createAuthHarness({ mail, handlers: undefined, settings: linksOn })
    await registerMember(h, { email })
    const browserKey = await browserKeyOf(await requestLink(email))
    await h.t.deps.outbox.kick()
    const messages = await smtp.waitForMessages(2)
    const message = messages.find((m) => m.headers.get('subject') === 'Sign in to Test site')
    expect(message?.recipients).toEqual([email])
    const href = /https:\/\/site\.example\/account\?action=sign-in&token=\S+/.exec(
      message?.parts.get('text/plain') ?? '',
    )
    const token = new URL(href?.[0] ?? 'https://x.invalid').searchParams.get('token') ?? ''
    expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/)
    expect((await storedMembers(h.t))[0]?.email_verified_at).toBeNull()

    const res = await redeem({ token, browserKey })
    expect(res.status, await res.clone().text()).toBe(200)
    const body = (await res.json()) as { token: string; account: Json }
    expect(body.account).toMatchObject({ email, emailVerified: true })
    expect((await asMember(h, body.token, '/v1/auth/session')).status).toBe(200)
    expect((await storedMembers(h.t))[0]?.email_verified_at).toEqual(expect.any(Number))

    const again = await redeem({ token, browserKey })
    expect(again.status).toBe(400)
    expect(await again.json()).toEqual(apiError('INVALID_TOKEN'))
  })
})

describe('the link', () => {
  it('expires after 15 minutes', async () => {
    h = await createAuthHarness({ settings: linksOn })
    await registerMember(h, { email })
    const browserKey = await browserKeyOf(await requestLink(email))
    const token = await lastSignInToken()
    h.clock.advance(15 * 60_000)
    const res = await redeem({ token, browserKey })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('INVALID_TOKEN'))
  })

  it('opened in another browser, says so and stays usable where it was asked for', async () => {
    h = await createAuthHarness({ settings: linksOn })
    await registerMember(h, { email })
    const browserKey = await browserKeyOf(await requestLink(email))
    const token = await lastSignInToken()
    for (const elsewhere of [{ token }, { token, browserKey: 'a'.repeat(32) }]) {
      const res = await redeem(elsewhere)
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual(apiError('SIGN_IN_LINK_OTHER_BROWSER'))
    }
    expect(
      await rows(h.t.deps.client, "SELECT used_at FROM member_tokens WHERE purpose = 'sign_in'"),
    ).toEqual([{ used_at: null }])
    expect((await redeem({ token, browserKey })).status).toBe(200)
  })

  // Regression: each request made a key of its own, so a browser kept only its last link's key
  // and a link asked for in another tab answered SIGN_IN_LINK_OTHER_BROWSER.
  it('binds every link a browser asks for to the one key it sends', async () => {
    h = await createAuthHarness({ settings: linksOn })
    await registerMember(h, { email })
    await registerMember(h, { email: 'bo@example.com' })
    const browserKey = 'one-key-for-this-browser-2f9c'
    const tokens: string[] = []
    for (const address of [email, 'bo@example.com']) {
      const res = await postJson(h, '/v1/auth/sign-in-link', { email: address, browserKey })
      expect(await browserKeyOf(res)).toBe(browserKey)
      tokens.push(await lastSignInToken())
    }
    for (const token of tokens) {
      const res = await redeem({ token, browserKey: 'another-browsers-key-7d1e' })
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual(apiError('SIGN_IN_LINK_OTHER_BROWSER'))
    }
    for (const token of tokens) expect((await redeem({ token, browserKey })).status).toBe(200)
  })

  it('refuses a key too short to be secret, and mails nothing', async () => {
    h = await createAuthHarness({ settings: linksOn })
    await registerMember(h, { email })
    const mailed = (await queuedMails(h.t)).length
    const res = await postJson(h, '/v1/auth/sign-in-link', { email, browserKey: 'short' })
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { browserKey: expect.any(String) } },
    })
    expect(await queuedMails(h.t)).toHaveLength(mailed)
  })

  it('still asks for the TOTP code of a member who has it on', async () => {
    h = await createAuthHarness({ settings: linksOn })
    const session = await signedInMember(h, { email })
    const headers = {
      'X-Porchlight-Key': h.site.publishableKey,
      Origin: 'https://site.example',
      Authorization: `Bearer ${session}`,
      'Content-Type': 'application/json',
    }
    const setup = await h.t.app.request('/v1/auth/totp/setup', {
      method: 'POST',
      headers,
      body: '{}',
    })
    const { secret } = (await setup.json()) as { secret: string }
    await h.t.app.request('/v1/auth/totp/confirm', {
      method: 'POST',
      headers,
      body: JSON.stringify({ code: totpCode(secret, h.clock.now()) }),
    })
    h.clock.advance(30_000)

    const browserKey = await browserKeyOf(await requestLink(email))
    const res = await redeem({ token: await lastSignInToken(), browserKey })
    const body = (await res.json()) as Json
    expect(body).toEqual({
      status: 'totp_required',
      challenge: expect.any(String),
      challengeExpiresAt: expect.any(Number),
    })
    const second = await postJson(h, '/v1/auth/login/totp', {
      challenge: body.challenge,
      code: totpCode(secret, h.clock.now()),
    })
    expect(second.status).toBe(200)
  })

  it('is refused where the site has not turned links on', async () => {
    h = await createAuthHarness()
    await registerMember(h, { email })
    const res = await requestLink(email)
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('SIGN_IN_METHOD_DISABLED'))
  })
})

describe('asking for a link: enumeration and limits', () => {
  /** Everything a caller can observe, the random browser key and request id aside. */
  async function observable(res: Response) {
    const headers = [...res.headers.entries()].filter(([name]) => name !== 'x-request-id')
    const body = (await res.json()) as Json
    expect(body.browserKey).toMatch(/^[a-z2-7]{32}$/)
    return { status: res.status, headers, body: { ...body, browserKey: '…' } }
  }

  it('answers a member and a stranger identically; only the member is mailed', async () => {
    h = await createAuthHarness({ settings: linksOn })
    await registerMember(h, { email })
    const member = await observable(await requestLink(email))
    const nobody = await observable(await requestLink(stranger))
    expect(member).toEqual(nobody)
    const mails = (await queuedMails(h.t)).filter((m) => m.subject.startsWith('Sign in'))
    expect(mails.map((m) => m.to)).toEqual([[email]])
  })

  it('allows 5 an hour per address, member or not, and 20 per client IP', async () => {
    h = await createAuthHarness({ settings: linksOn })
    await registerMember(h, { email })
    for (const address of [email, stranger]) {
      for (let n = 0; n < 5; n++) expect((await requestLink(address)).status).toBe(202)
      const refused = await requestLink(address)
      expect(refused.status).toBe(429)
      expect(await refused.json()).toEqual(apiError('RATE_LIMITED'))
    }
    // 12 requests so far from this client (refused ones count too): 8 more, then it must wait.
    for (let n = 0; n < 8; n++) {
      expect((await requestLink(`other${n}@example.com`)).status).toBe(202)
    }
    expect((await requestLink('one-more@example.com')).status).toBe(429)
    h.clock.advance(2 * 3_600_000)
    expect((await requestLink(email)).status).toBe(202)
  })
})
