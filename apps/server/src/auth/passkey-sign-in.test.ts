import { afterEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { apiError, rows } from '../../test/helpers/http.ts'
import { createTestAuthenticator } from '../../test/helpers/passkey-authenticator.ts'
import {
  addPasskey,
  call,
  json,
  memberToken,
  passkeysOn,
  signInOptions,
} from '../../test/helpers/passkey-flows.ts'
import { counterWentBack } from './passkey-sign-in.ts'
import { type AuthHarness, createAuthHarness, setAuthSettings, siteOrigin } from './test-helpers.ts'

// Signing in with a passkey: discoverable credentials (no email asked), a session like a
// password's, and each way an answer can be wrong refused with its own code and no session.

let h: AuthHarness
afterEach(() => h.close())

const signIn = (body: unknown) => call(h, 'POST', '/v1/auth/passkeys/sign-in', { body })
const sessionCount = async () =>
  Number((await rows(h.t.deps.client, 'SELECT count(*) AS n FROM sessions'))[0]?.n)

async function memberWithPasskey(options: { counting?: boolean } = {}) {
  h = await createAuthHarness()
  await passkeysOn(h)
  const token = await memberToken(h)
  const device = await createTestAuthenticator({ origin: siteOrigin, ...options })
  const { passkey } = await addPasskey(h, token, device)
  return { device, passkey, sessionsBefore: await sessionCount() }
}

describe('signing in with a passkey', () => {
  it('answers a session like login, with nothing asked first; the options name no passkey', async () => {
    const { device, passkey } = await memberWithPasskey()
    const options = await signInOptions(h)
    expect(options).toEqual({
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      challengeExpiresAt: expect.any(Number),
      rpId: 'site.example',
      timeout: 300_000,
      userVerification: 'preferred',
      allowCredentials: [],
    })
    const body = await json(await signIn(await device.signIn(options)), 200)
    expect(body).toMatchObject({
      token: expect.any(String),
      account: { email: 'ann@example.com' },
    })
    const who = await h.t.app.request('/v1/auth/session', {
      headers: {
        'X-Porchlight-Key': h.site.publishableKey,
        Origin: siteOrigin,
        Authorization: `Bearer ${body.token}`,
      },
    })
    expect(await json(who, 200)).toMatchObject({ account: { email: 'ann@example.com' } })
    const [stored] = await rows(
      h.t.deps.client,
      'SELECT sign_count, last_used_at FROM member_passkeys',
    )
    expect(stored).toEqual({ sign_count: 2, last_used_at: h.clock.now() })
    const listed = await json(
      await call(h, 'GET', '/v1/auth/passkeys', { token: String(body.token) }),
      200,
    )
    expect(listed).toEqual({ passkeys: [{ ...passkey, lastUsedAt: h.clock.now() }] })
  })

  it('sets the session cookie when asked to', async () => {
    const { device } = await memberWithPasskey()
    const answer = await device.signIn(await signInOptions(h))
    const res = await signIn({ ...answer, transport: 'cookie' })
    expect(await json(res, 200)).not.toHaveProperty('token')
    expect(res.headers.get('set-cookie')).toMatch(/porchlight_session=.+; HttpOnly/)
  })

  it('asks no TOTP code after a verified passkey, but does after one without verification', async () => {
    const { device } = await memberWithPasskey()
    const [member] = await rows(h.t.deps.client, 'SELECT id, site_id FROM members')
    await h.t.deps.client.execute({
      sql: 'INSERT INTO member_totp (member_id, site_id, secret, enabled_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      args: [String(member?.id), String(member?.site_id), 'JBSWY3DPEHPK3PXP', 1, 1],
    })
    const verified = await json(await signIn(await device.signIn(await signInOptions(h))), 200)
    expect(verified).toHaveProperty('token')
    const touchOnly = await device.signIn(await signInOptions(h), { userVerified: false })
    expect(await json(await signIn(touchOnly), 200)).toEqual({
      status: 'totp_required',
      challenge: expect.any(String),
      challengeExpiresAt: expect.any(Number),
    })
  })
})

describe('refused, with no session made', () => {
  it('a replayed answer: the challenge was spent by the first use', async () => {
    const { device, sessionsBefore } = await memberWithPasskey()
    const answer = await device.signIn(await signInOptions(h))
    await json(await signIn(answer), 200)
    expect(await json(await signIn(answer), 400)).toEqual(apiError('PASSKEY_CHALLENGE_INVALID'))
    expect(await sessionCount()).toBe(sessionsBefore + 1)
  })

  it('an expired challenge', async () => {
    const { device, sessionsBefore } = await memberWithPasskey()
    const options = await signInOptions(h)
    h.clock.advance(5 * 60_000 + 1)
    const res = await signIn(await device.signIn(options))
    expect(await json(res, 400)).toEqual(apiError('PASSKEY_CHALLENGE_INVALID'))
    expect(await sessionCount()).toBe(sessionsBefore)
  })

  it('a page on another origin (a phishing site relaying the ceremony)', async () => {
    const { device, sessionsBefore } = await memberWithPasskey()
    const answer = await device.signIn(await signInOptions(h), {
      origin: 'https://site-example.evil.test',
    })
    expect(await json(await signIn(answer), 400)).toEqual(apiError('PASSKEY_ORIGIN_MISMATCH'))
    expect(await sessionCount()).toBe(sessionsBefore)
  })

  it('an authenticator that signed for another RP id', async () => {
    const { device, sessionsBefore } = await memberWithPasskey()
    const answer = await device.signIn(await signInOptions(h), { rpId: 'evil.test' })
    expect(await json(await signIn(answer), 400)).toEqual(apiError('PASSKEY_RP_ID_MISMATCH'))
    expect(await sessionCount()).toBe(sessionsBefore)
  })

  it('a bad signature', async () => {
    const { device, sessionsBefore } = await memberWithPasskey()
    const answer = await device.signIn(await signInOptions(h))
    const otherData = await device.signIn(await signInOptions(h))
    // A valid signature, but over other authenticator data.
    const res = await signIn({ ...answer, signature: otherData.signature })
    expect(await json(res, 401)).toEqual(apiError('PASSKEY_INVALID_SIGNATURE'))
    expect(await sessionCount()).toBe(sessionsBefore)
  })

  it('a counter that did not move forward (a cloned authenticator)', async () => {
    const { device, sessionsBefore } = await memberWithPasskey()
    const res = await signIn(await device.signIn(await signInOptions(h), { signCount: 1 }))
    expect(await json(res, 401)).toEqual(apiError('PASSKEY_COUNTER_ROLLBACK'))
    expect(await sessionCount()).toBe(sessionsBefore)
    const [stored] = await rows(
      h.t.deps.client,
      'SELECT sign_count, last_used_at FROM member_passkeys',
    )
    expect(stored).toEqual({ sign_count: 1, last_used_at: null })
  })

  it('a passkey of another site on the same deployment', async () => {
    h = await createAuthHarness()
    const other = await createTestSite(h.t, { name: 'Other', origins: [siteOrigin] })
    await setAuthSettings(h.t, other, { passkeys: true })
    await passkeysOn(h)
    // Registered on the other site (same origin and RP id: the strongest case).
    const token = await memberToken({ ...h, site: other })
    const { authenticator } = await addPasskey({ ...h, site: other }, token)
    const answer = await authenticator.signIn(await signInOptions(h))
    expect(await json(await signIn(answer), 401)).toEqual(apiError('PASSKEY_UNKNOWN_CREDENTIAL'))
  })

  it('an answer carrying another member’s user handle', async () => {
    const { device } = await memberWithPasskey()
    const answer = await device.signIn(await signInOptions(h))
    const res = await signIn({ ...answer, userHandle: 'bWVtX3NvbWVvbmVlbHNl' })
    expect(await json(res, 401)).toEqual(apiError('PASSKEY_UNKNOWN_CREDENTIAL'))
  })

  it('everything where the site has passkeys off', async () => {
    const { device } = await memberWithPasskey()
    const options = await signInOptions(h)
    await setAuthSettings(h.t, h.site, { passkeys: false })
    const offered = await call(h, 'POST', '/v1/auth/passkeys/sign-in/options')
    expect(await json(offered, 403)).toEqual(apiError('SIGN_IN_METHOD_DISABLED'))
    const res = await signIn(await device.signIn(options))
    expect(await json(res, 403)).toEqual(apiError('SIGN_IN_METHOD_DISABLED'))
  })

  it('repeated failures are throttled like passwords', async () => {
    const { device } = await memberWithPasskey()
    const options = await signInOptions(h)
    const bad = { ...(await device.signIn(options)), signature: 'MEUCIQ' }
    for (let i = 0; i < 5; i++) {
      const fresh = await device.signIn(await signInOptions(h))
      expect((await signIn({ ...fresh, signature: bad.signature })).status).not.toBe(200)
    }
    const res = await signIn(await device.signIn(await signInOptions(h)))
    expect(await json(res, 429)).toEqual(apiError('RATE_LIMITED'))
    expect(res.headers.get('retry-after')).toBe('1')
  })
})

describe('authenticators that do not count', () => {
  it('sign in again and again while both counters stay 0', async () => {
    const { device } = await memberWithPasskey({ counting: false })
    for (let i = 0; i < 2; i++) {
      await json(await signIn(await device.signIn(await signInOptions(h))), 200)
    }
  })

  it('the rule itself (WebAuthn §7.2 step 22)', () => {
    expect(counterWentBack(0, 0)).toBe(false)
    expect(counterWentBack(0, 1)).toBe(false)
    expect(counterWentBack(4, 5)).toBe(false)
    expect(counterWentBack(5, 5)).toBe(true)
    expect(counterWentBack(5, 3)).toBe(true)
    expect(counterWentBack(5, 0)).toBe(true)
  })
})
