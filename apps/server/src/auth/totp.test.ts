import { afterEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import { totpCode } from '../../test/helpers/operators.ts'
import { ownerApi } from '../../test/helpers/owner-api.ts'
import { hashRecoveryCode } from '../two-factor/recovery-codes.ts'
import {
  type AuthHarness,
  asMember,
  createAuthHarness,
  password,
  postJson,
  queuedMails,
  signedInMember,
  signIn,
  storedSessions,
} from './test-helpers.ts'

// A member's two-factor sign-in (TOTP), scenario by scenario: enrolling with a QR code and a
// code, the second step at sign-in with a code or a recovery code, throttled guesses, turning it
// off, and a site that requires it of moderators and admins. Codes are made as an authenticator
// app makes them, from the key the member was shown, at the test clock's time.

let h: AuthHarness
afterEach(() => h.close())

const email = 'ann@example.com'

type Json = Record<string, unknown>

async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json
}

function send(token: string, method: string, path: string, body?: unknown) {
  return h.t.app.request(path, {
    method,
    headers: {
      'X-Porchlight-Key': h.site.publishableKey,
      Origin: 'https://site.example',
      Authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
}

/** Sets TOTP up for a signed-in member; the key and the recovery codes they were shown. */
async function enrol(token: string) {
  const setup = await send(token, 'POST', '/v1/auth/totp/setup', {})
  expect(setup.status, await setup.clone().text()).toBe(200)
  const { secret, uri, qrSvg } = (await setup.json()) as {
    secret: string
    uri: string
    qrSvg: string
  }
  // Steps on, so the confirm code is a fresh one the sign-in code below does not collide with.
  h.clock.advance(30_000)
  const confirm = await send(token, 'POST', '/v1/auth/totp/confirm', {
    code: totpCode(secret, h.clock.now()),
  })
  expect(confirm.status, await confirm.clone().text()).toBe(200)
  const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] }
  h.clock.advance(30_000)
  return { secret, uri, qrSvg, recoveryCodes }
}

async function challengeFor(): Promise<string> {
  const res = await signIn(h, { email })
  expect(res.status).toBe(200)
  const body = await json(res)
  expect(body).toEqual({
    status: 'totp_required',
    challenge: expect.stringMatching(/^[a-z2-7]{32}\.[a-z2-7]{32}$/),
    challengeExpiresAt: h.clock.now() + 10 * 60_000,
  })
  return body.challenge as string
}

function secondStep(body: Json) {
  return postJson(h, '/v1/auth/login/totp', body)
}

describe('enrolling', () => {
  it('shows a key as a QR code, turns on with a code, and stores only hashed recovery codes', async () => {
    h = await createAuthHarness()
    const token = await signedInMember(h, { email })
    const other = await signIn(h, { email })
    const otherToken = ((await json(other)) as { token: string }).token

    const { secret, uri, qrSvg, recoveryCodes } = await enrol(token)
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(uri).toMatch(/^otpauth:\/\/totp\/Test%20site:ann%40example\.com\?/)
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/)
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/)

    const stored = await rows(h.t.deps.client, 'SELECT code_hash FROM member_recovery_codes')
    expect(stored.map((r) => r.code_hash).sort()).toEqual(
      recoveryCodes.map(hashRecoveryCode).sort(),
    )
    // The session that enrolled stays; the other one (password only) is over.
    expect((await asMember(h, token, '/v1/auth/session')).status).toBe(200)
    expect(await json(await asMember(h, otherToken, '/v1/auth/session'))).toEqual(
      apiError('INVALID_SESSION'),
    )
    expect(await json(await send(token, 'GET', '/v1/auth/totp'))).toEqual({
      available: true,
      enabled: true,
      required: false,
      recoveryCodesLeft: 10,
    })
  })

  it('refuses a wrong confirmation code and keeps TOTP off', async () => {
    h = await createAuthHarness()
    const token = await signedInMember(h, { email })
    const setup = await json(await send(token, 'POST', '/v1/auth/totp/setup', {}))
    const wrong = String((Number(totpCode(setup.secret as string, h.clock.now())) + 1) % 1e6)
    const res = await send(token, 'POST', '/v1/auth/totp/confirm', { code: wrong.padStart(6, '0') })
    expect(res.status).toBe(422)
    expect(await json(res)).toEqual(apiError('VALIDATION_FAILED', { code: expect.any(String) }))
    expect((await signIn(h, { email })).status).toBe(200)
    expect(await json(await send(token, 'GET', '/v1/auth/totp'))).toMatchObject({ enabled: false })
  })

  it('is refused where the site does not offer it', async () => {
    h = await createAuthHarness({ settings: { totp: 'off' } })
    const token = await signedInMember(h, { email })
    const res = await send(token, 'POST', '/v1/auth/totp/setup', {})
    expect(res.status).toBe(403)
    expect(await json(res)).toEqual(apiError('TOTP_UNAVAILABLE'))
  })
})

describe('signing in with TOTP on', () => {
  it('asks for a code after the password, and signs in with it once', async () => {
    h = await createAuthHarness()
    const { secret } = await enrol(await signedInMember(h, { email }))
    const sessionsBefore = (await storedSessions(h.t)).length
    const challenge = await challengeFor()
    // The password alone made no session.
    expect(await storedSessions(h.t)).toHaveLength(sessionsBefore)

    const code = totpCode(secret, h.clock.now())
    const res = await secondStep({ challenge, code })
    expect(res.status, await res.clone().text()).toBe(200)
    const body = await json(res)
    expect(body.token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/)
    expect((await asMember(h, body.token as string, '/v1/auth/session')).status).toBe(200)

    // The same code again (seen over a shoulder), even with a fresh challenge: refused.
    const again = await secondStep({ challenge: await challengeFor(), code })
    expect(again.status).toBe(401)
    expect(await json(again)).toEqual(apiError('INVALID_TOTP_CODE'))
    // And the spent challenge cannot be used with the next code.
    h.clock.advance(30_000)
    const spent = await secondStep({ challenge, code: totpCode(secret, h.clock.now()) })
    expect(await json(spent)).toEqual(apiError('INVALID_TOTP_CODE'))
  })

  it('signs in with a recovery code, which is then spent', async () => {
    h = await createAuthHarness()
    const { recoveryCodes } = await enrol(await signedInMember(h, { email }))
    const code = recoveryCodes[3] ?? ''
    // Typed as people do: upper case, no dashes.
    const res = await secondStep({
      challenge: await challengeFor(),
      recoveryCode: code.replaceAll('-', '').toUpperCase(),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const token = (await json(res)).token as string
    expect(await json(await send(token, 'GET', '/v1/auth/totp'))).toMatchObject({
      recoveryCodesLeft: 9,
    })

    const reused = await secondStep({ challenge: await challengeFor(), recoveryCode: code })
    expect(reused.status).toBe(401)
    expect(await json(reused)).toEqual(apiError('INVALID_TOTP_CODE'))
  })

  it('throttles wrong codes like passwords, and a challenge takes only five', async () => {
    h = await createAuthHarness()
    const { secret } = await enrol(await signedInMember(h, { email }))
    const wrong = (n: number) =>
      String((Number(totpCode(secret, h.clock.now())) + 7 + n) % 1e6).padStart(6, '0')
    const challenge = await challengeFor()
    for (let n = 0; n < 5; n++) {
      const res = await secondStep({ challenge, code: wrong(n) })
      expect(res.status).toBe(401)
    }
    // Out of attempts: even the right code no longer works with this challenge.
    const exhausted = await secondStep({ challenge, code: totpCode(secret, h.clock.now()) })
    expect(await json(exhausted)).toEqual(apiError('INVALID_TOTP_CODE'))

    // A fresh challenge, but five failures from this address: wait before the next guess.
    const fresh = await challengeFor()
    const throttled = await secondStep({ challenge: fresh, code: wrong(9) })
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await json(throttled)).toEqual(apiError('RATE_LIMITED'))

    // After the wait, the member gets in with the right code.
    h.clock.advance(60_000)
    const ok = await secondStep({ challenge: fresh, code: totpCode(secret, h.clock.now()) })
    expect(ok.status, await ok.clone().text()).toBe(200)
  })
})

describe('turning TOTP off', () => {
  it('needs the password, then ends every other session', async () => {
    h = await createAuthHarness()
    const token = await signedInMember(h, { email })
    const { secret } = await enrol(token)
    const other = await secondStep({
      challenge: await challengeFor(),
      code: totpCode(secret, h.clock.now()),
    })
    const otherToken = (await json(other)).token as string

    const wrong = await send(token, 'DELETE', '/v1/auth/totp', { password: 'not the password' })
    expect(wrong.status).toBe(403)
    expect(await json(wrong)).toEqual(apiError('INVALID_PASSWORD'))

    const off = await send(token, 'DELETE', '/v1/auth/totp', { password })
    expect(off.status).toBe(204)
    expect((await asMember(h, token, '/v1/auth/session')).status).toBe(200)
    expect(await json(await asMember(h, otherToken, '/v1/auth/session'))).toEqual(
      apiError('INVALID_SESSION'),
    )
    expect(await rows(h.t.deps.client, 'SELECT * FROM member_recovery_codes')).toEqual([])
    const notice = (await queuedMails(h.t)).at(-1)
    expect(notice?.to).toEqual([email])
    expect(notice?.subject).toBe('Two-factor sign-in was turned off for Test site')
    // The password alone signs in again.
    expect(await json(await signIn(h, { email }))).toHaveProperty('token')
  })

  it('takes a current code instead of the password', async () => {
    h = await createAuthHarness()
    const token = await signedInMember(h, { email })
    const { secret } = await enrol(token)
    const off = await send(token, 'DELETE', '/v1/auth/totp', {
      code: totpCode(secret, h.clock.now()),
    })
    expect(off.status).toBe(204)
    expect(await json(await send(token, 'GET', '/v1/auth/totp'))).toMatchObject({ enabled: false })
  })
})

describe('the owner resetting a member’s two-factor sign-in', () => {
  it('turns it off and signs the member out everywhere; the password alone signs in again', async () => {
    h = await createAuthHarness()
    const token = await signedInMember(h, { email })
    await enrol(token)
    const [member] = await rows(h.t.deps.client, 'SELECT id FROM members')
    const owner = ownerApi(h.t, h.site)
    const missing = await owner.send('DELETE', '/members/mem_nobody/totp')
    expect(missing.status).toBe(404)
    expect(await json(missing)).toEqual(apiError('MEMBER_NOT_FOUND'))

    expect((await owner.send('DELETE', `/members/${member?.id}/totp`)).status).toBe(204)
    expect(await json(await asMember(h, token, '/v1/auth/session'))).toEqual(
      apiError('INVALID_SESSION'),
    )
    expect(await rows(h.t.deps.client, 'SELECT * FROM member_totp')).toEqual([])
    expect(await rows(h.t.deps.client, 'SELECT * FROM member_recovery_codes')).toEqual([])
    expect(await json(await signIn(h, { email }))).toHaveProperty('token')
  })
})

describe('a site that requires TOTP of moderators and admins', () => {
  async function makeModerator() {
    await h.t.deps.client.execute({
      sql: "UPDATE members SET role = 'moderator' WHERE email = ?",
      args: [email],
    })
  }

  it('has staff enrol before anything else, and will not let them turn it off', async () => {
    h = await createAuthHarness({ settings: { totp: 'required_for_staff' } })
    await signedInMember(h, { email: 'bob@example.com' })
    await signedInMember(h, { email })
    await makeModerator()
    const sessionsBefore = (await storedSessions(h.t)).length

    const res = await signIn(h, { email })
    const body = await json(res)
    expect(body).toEqual({
      status: 'totp_setup_required',
      challenge: expect.any(String),
      challengeExpiresAt: expect.any(Number),
    })
    expect(await storedSessions(h.t)).toHaveLength(sessionsBefore)
    const challenge = body.challenge as string

    // The challenge cannot be traded for a session without enrolling.
    expect(await json(await secondStep({ challenge, code: '123456' }))).toEqual(
      apiError('INVALID_TOTP_CODE'),
    )
    const setup = await postJson(h, '/v1/auth/totp/setup', { challenge })
    expect(setup.status, await setup.clone().text()).toBe(200)
    const { secret } = (await setup.json()) as { secret: string }
    const confirm = await postJson(h, '/v1/auth/totp/confirm', {
      challenge,
      code: totpCode(secret, h.clock.now()),
    })
    expect(confirm.status, await confirm.clone().text()).toBe(200)
    const signedIn = await json(confirm)
    expect(signedIn).toMatchObject({
      recoveryCodes: expect.any(Array),
      token: expect.any(String),
      account: expect.objectContaining({ email, role: 'moderator' }),
    })
    const token = signedIn.token as string
    expect(await json(await send(token, 'GET', '/v1/auth/totp'))).toMatchObject({
      enabled: true,
      required: true,
    })
    const off = await send(token, 'DELETE', '/v1/auth/totp', { password })
    expect(off.status).toBe(403)
    expect(await json(off)).toEqual(apiError('TOTP_REQUIRED'))

    // Members keep signing in with the password alone.
    expect(await json(await signIn(h, { email: 'bob@example.com' }))).toHaveProperty('token')
  })

  it('never lets a code challenge replace the key of a member who has TOTP on', async () => {
    h = await createAuthHarness({ settings: { totp: 'required_for_staff' } })
    await signedInMember(h, { email })
    await makeModerator()
    const first = await json(await signIn(h, { email }))
    const setup = await json(
      await postJson(h, '/v1/auth/totp/setup', { challenge: first.challenge }),
    )
    await postJson(h, '/v1/auth/totp/confirm', {
      challenge: first.challenge,
      code: totpCode(setup.secret as string, h.clock.now()),
    })
    // With only the password, an attacker gets a challenge for the code…
    const challenge = await challengeFor()
    // …which does not let them enrol an app of their own.
    const hijack = await postJson(h, '/v1/auth/totp/setup', { challenge })
    expect(hijack.status).toBe(401)
    expect(await json(hijack)).toEqual(apiError('INVALID_TOTP_CODE'))
  })
})
