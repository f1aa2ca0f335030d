import { afterEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import { totpCode } from '../../test/helpers/operators.ts'
import { recentSignInMs } from './recent-sign-in.ts'
import {
  type AuthHarness,
  countRows,
  createAuthHarness,
  keyHeaders,
  linkToken,
  postJson,
  queuedMails,
  signedInMember,
} from './test-helpers.ts'

// Regression: turning two-factor sign-in off and making new recovery codes answered a member
// without a password 403 PASSWORD_NOT_SET, so they could only ever use a current code, and could
// never renew their recovery codes. Now a sign-in from the last 10 minutes stands in for the
// password they do not have; a current code still works at any time; a member with a password
// still gives it. (Deleting the account and changing the email: recent-sign-in.test.ts.)

let h: AuthHarness
afterEach(() => h.close())

const email = 'ann@example.com'
const noPasswords = { passwordSignIn: false, emailLinkSignIn: true }

type Json = Record<string, unknown>

function send(token: string, method: string, path: string, body?: unknown) {
  return h.t.app.request(path, {
    method,
    headers: keyHeaders(h.site, {
      Authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
    }),
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
}

async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json
}

/** The answer of redeeming the newest emailed link in the browser that asked for it. */
async function redeemLink(browserKey: string): Promise<Json> {
  const mail = (await queuedMails(h.t)).findLast((m) => m.to.includes(email))
  if (!mail) throw new Error(`no mail to ${email}`)
  const res = await postJson(h, '/v1/auth/sign-in-link/redeem', {
    token: linkToken(mail),
    browserKey,
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return json(res)
}

/** Registers without a password and signs in through the emailed link; the bearer token. */
async function joinWithoutPassword(): Promise<string> {
  const res = await postJson(h, '/v1/auth/register', { email, displayName: 'Ann Example' })
  expect(res.status, await res.clone().text()).toBe(202)
  return (await redeemLink(((await json(res)) as { browserKey: string }).browserKey))
    .token as string
}

/** Turns TOTP on for a signed-in member (a minute passes); the key. */
async function enrol(token: string): Promise<string> {
  const setup = await send(token, 'POST', '/v1/auth/totp/setup', {})
  expect(setup.status, await setup.clone().text()).toBe(200)
  const { secret } = (await json(setup)) as { secret: string }
  h.clock.advance(30_000)
  const confirm = await send(token, 'POST', '/v1/auth/totp/confirm', {
    code: totpCode(secret, h.clock.now()),
  })
  expect(confirm.status, await confirm.clone().text()).toBe(200)
  h.clock.advance(30_000) // the next code is a fresh one
  return secret
}

async function totpEnabled(token: string) {
  return (await json(await send(token, 'GET', '/v1/auth/totp'))).enabled
}

describe('a member without a password, with TOTP on', () => {
  it('renews recovery codes and turns TOTP off with no password right after signing in', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const token = await joinWithoutPassword()
    await enrol(token)

    const codes = await send(token, 'POST', '/v1/auth/totp/recovery-codes', {})
    expect(codes.status, await codes.clone().text()).toBe(200)
    expect((await json(codes)).recoveryCodes).toHaveLength(10)

    const off = await send(token, 'DELETE', '/v1/auth/totp', {})
    expect(off.status, await off.clone().text()).toBe(204)
    expect(await totpEnabled(token)).toBe(false)
    expect((await queuedMails(h.t)).at(-1)).toMatchObject({
      to: [email],
      subject: 'Two-factor sign-in was turned off for Test site',
    })
  })

  it('after 10 minutes gets REAUTHENTICATION_REQUIRED; a current code or a new sign-in works', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const stale = await joinWithoutPassword()
    const secret = await enrol(stale)
    h.clock.advance(recentSignInMs)
    const codesBefore = await countRows(h.t, 'member_recovery_codes')
    const mailsBefore = await countRows(h.t, 'outbox')

    for (const [method, path] of [
      ['POST', '/v1/auth/totp/recovery-codes'],
      ['DELETE', '/v1/auth/totp'],
    ] as const) {
      const res = await send(stale, method, path, {})
      expect(res.status).toBe(403)
      expect(await json(res)).toEqual(apiError('REAUTHENTICATION_REQUIRED'))
    }
    expect(await totpEnabled(stale)).toBe(true)
    expect(await countRows(h.t, 'member_recovery_codes')).toBe(codesBefore)
    expect(await countRows(h.t, 'outbox')).toBe(mailsBefore)

    // Signing in again (link, then the code) makes a session that may renew the codes.
    const asked = await postJson(h, '/v1/auth/sign-in-link', { email })
    const step = await redeemLink(((await json(asked)) as { browserKey: string }).browserKey)
    expect(step.status).toBe('totp_required')
    const signedIn = await postJson(h, '/v1/auth/login/totp', {
      challenge: step.challenge,
      code: totpCode(secret, h.clock.now()),
    })
    expect(signedIn.status, await signedIn.clone().text()).toBe(200)
    const fresh = (await json(signedIn)).token as string
    expect((await send(fresh, 'POST', '/v1/auth/totp/recovery-codes', {})).status).toBe(200)

    // The stale session may still turn TOTP off with a current code, as any member may.
    h.clock.advance(30_000)
    const byCode = await send(stale, 'DELETE', '/v1/auth/totp', {
      code: totpCode(secret, h.clock.now()),
    })
    expect(byCode.status, await byCode.clone().text()).toBe(204)
    expect(await totpEnabled(stale)).toBe(false)
  })
})

describe('a member with a password, with TOTP on', () => {
  it('still needs the password (or a code), however recent the sign-in', async () => {
    h = await createAuthHarness()
    const token = await signedInMember(h, { email })
    await enrol(token)
    for (const [method, path] of [
      ['POST', '/v1/auth/totp/recovery-codes'],
      ['DELETE', '/v1/auth/totp'],
    ] as const) {
      const missing = await send(token, method, path, {})
      expect(missing.status).toBe(422)
      expect(await json(missing)).toEqual(apiError('VALIDATION_FAILED', { password: 'Required.' }))
      const wrong = await send(token, method, path, { password: 'not my password' })
      expect(wrong.status).toBe(403)
      expect(await json(wrong)).toEqual(apiError('INVALID_PASSWORD'))
    }
    expect(await totpEnabled(token)).toBe(true)
  })
})
