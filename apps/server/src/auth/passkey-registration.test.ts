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
  registrationOptions,
} from '../../test/helpers/passkey-flows.ts'
import { authSettingsSchema } from './settings.ts'
import {
  type AuthHarness,
  createAuthHarness,
  setAuthSettings,
  signIn,
  siteOrigin,
} from './test-helpers.ts'

// Adding, listing, renaming and removing passkeys, with answers made by a software
// authenticator (real keys, real CBOR) and checked by the server's real code.

let h: AuthHarness
afterEach(() => h.close())

const storedPasskeys = () =>
  rows(h.t.deps.client, 'SELECT * FROM member_passkeys ORDER BY created_at')
const storedChallenges = () => rows(h.t.deps.client, 'SELECT * FROM passkey_challenges')

describe('adding a passkey', () => {
  it('stores it for the member and lists it by name, never with key material', async () => {
    h = await createAuthHarness()
    await passkeysOn(h)
    const token = await memberToken(h)
    const options = await registrationOptions(h, token)
    expect(options).toMatchObject({
      rp: { id: 'site.example', name: 'Test site' },
      attestation: 'none',
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      excludeCredentials: [],
    })
    // Only the challenge's hash is kept.
    const [challenge] = await storedChallenges()
    expect(challenge?.id).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(challenge)).not.toContain(options.challenge)

    const device = await createTestAuthenticator({ origin: siteOrigin })
    const added = await json(
      await call(h, 'POST', '/v1/auth/passkeys', { token, body: device.register(options) }),
      201,
    )
    expect(added).toEqual({
      id: expect.stringMatching(/^pkey_/),
      name: 'This device',
      createdAt: expect.any(Number),
      lastUsedAt: null,
    })
    const [stored] = await storedPasskeys()
    expect(stored).toMatchObject({
      credential_id: device.credentialId,
      algorithm: -7,
      relying_party_id: 'site.example',
      sign_count: 1,
    })
    expect(await storedChallenges()).toEqual([])

    const listed = await json(await call(h, 'GET', '/v1/auth/passkeys', { token }), 200)
    expect(listed).toEqual({ passkeys: [added] })

    // The next options exclude it, so the browser does not make a second one on that device.
    const again = await registrationOptions(h, token)
    expect(again.excludeCredentials).toEqual([
      { type: 'public-key', id: device.credentialId, transports: ['internal'] },
    ])
  })

  it('takes RS256 keys as well as ES256', async () => {
    h = await createAuthHarness()
    await passkeysOn(h)
    const token = await memberToken(h)
    const device = await createTestAuthenticator({ origin: siteOrigin, algorithm: 'RS256' })
    await addPasskey(h, token, device)
    expect((await storedPasskeys())[0]?.algorithm).toBe(-257)
  })

  it('refuses, storing nothing: wrong origin, wrong RP id, replayed or foreign challenge', async () => {
    h = await createAuthHarness()
    await passkeysOn(h)
    const token = await memberToken(h)
    const device = await createTestAuthenticator({ origin: siteOrigin })
    const register = async (body: unknown) => call(h, 'POST', '/v1/auth/passkeys', { token, body })

    const phished = device.register(await registrationOptions(h, token), {
      origin: 'https://site.example.evil.test',
    })
    expect(await json(await register(phished), 400)).toEqual(apiError('PASSKEY_ORIGIN_MISMATCH'))

    const otherRp = device.register(await registrationOptions(h, token), { rpId: 'evil.test' })
    expect(await json(await register(otherRp), 400)).toEqual(apiError('PASSKEY_RP_ID_MISMATCH'))

    const absent = device.register(await registrationOptions(h, token), { userPresent: false })
    expect(await json(await register(absent), 400)).toEqual(apiError('PASSKEY_INVALID_RESPONSE'))

    const wrongType = device.register(await registrationOptions(h, token), { type: 'webauthn.get' })
    expect(await json(await register(wrongType), 400)).toEqual(apiError('PASSKEY_INVALID_RESPONSE'))

    // A challenge given to another member cannot add a passkey to this one.
    const otherToken = await memberToken(h, 'bob@example.com')
    const theirs = device.register(await registrationOptions(h, otherToken))
    expect(await json(await register(theirs), 400)).toEqual(apiError('PASSKEY_CHALLENGE_INVALID'))

    const garbage = { id: 'AAAA', clientDataJSON: 'e30', attestationObject: 'AAAA' }
    expect(await json(await register(garbage), 400)).toEqual(apiError('PASSKEY_INVALID_RESPONSE'))
    expect(await storedPasskeys()).toEqual([])

    const answer = device.register(await registrationOptions(h, token))
    await json(await register(answer), 201)
    expect(await json(await register(answer), 400)).toEqual(apiError('PASSKEY_CHALLENGE_INVALID'))
    expect(await storedPasskeys()).toHaveLength(1)

    // The same authenticator again, with a fresh challenge: already registered.
    const twice = device.register(await registrationOptions(h, token))
    expect(await json(await register(twice), 409)).toEqual(apiError('PASSKEY_ALREADY_REGISTERED'))
  })

  it('refuses new passkeys where the site has them off, and guests', async () => {
    h = await createAuthHarness()
    const token = await memberToken(h)
    const res = await call(h, 'POST', '/v1/auth/passkeys/register/options', { token })
    expect(await json(res, 403)).toEqual(apiError('SIGN_IN_METHOD_DISABLED'))
    const guest = await call(h, 'POST', '/v1/auth/passkeys/register/options')
    expect(await json(guest, 401)).toEqual(apiError('SIGN_IN_REQUIRED'))
    expect(await storedChallenges()).toEqual([])
  })

  // A passkey added from a stolen session would outlast the session's revocation.
  it('needs a sign-in from the last 10 minutes', async () => {
    h = await createAuthHarness()
    await passkeysOn(h)
    const token = await memberToken(h)
    h.clock.advance(10 * 60_000)
    const res = await call(h, 'POST', '/v1/auth/passkeys/register/options', { token })
    expect(await json(res, 403)).toEqual(apiError('REAUTHENTICATION_REQUIRED'))
    expect(await storedChallenges()).toEqual([])
    const again = await signIn(h, { email: 'ann@example.com' })
    const { token: fresh } = (await json(again, 200)) as { token: string }
    const options = await call(h, 'POST', '/v1/auth/passkeys/register/options', { token: fresh })
    expect(options.status).toBe(200)
  })
})

describe('the relying party id', () => {
  it('defaults to the page’s own host, whatever other origins the site has', async () => {
    h = await createAuthHarness()
    const shop = 'https://shop.example'
    const site = await createTestSite(h.t, { name: 'Two', origins: [siteOrigin, shop] })
    await setAuthSettings(h.t, site, { passkeys: true })
    const token = await memberToken({ ...h, site })
    const from = async (origin: string) => {
      const res = await call(h, 'POST', '/v1/auth/passkeys/register/options', {
        token,
        site,
        origin,
      })
      return ((await json(res, 200)).rp as { id: string }).id
    }
    expect(await from(shop)).toBe('shop.example')
    expect(await from(siteOrigin)).toBe('site.example')
    const signIn = await call(h, 'POST', '/v1/auth/passkeys/sign-in/options', {
      site,
      origin: shop,
    })
    expect((await json(signIn, 200)).rpId).toBe('shop.example')
    // A passkey made on one origin is for that host: the other origin's page cannot use it.
    const device = await createTestAuthenticator({ origin: shop })
    const options = (await json(
      await call(h, 'POST', '/v1/auth/passkeys/register/options', { token, site, origin: shop }),
      200,
    )) as Parameters<typeof device.register>[0]
    const body = device.register(options)
    await json(await call(h, 'POST', '/v1/auth/passkeys', { token, site, origin: shop, body }), 201)
    const elsewhere = await call(h, 'POST', '/v1/auth/passkeys/sign-in/options', { site })
    const answer = await device.signIn(
      (await json(elsewhere, 200)) as { challenge: string; rpId: string },
      { origin: siteOrigin },
    )
    const refused = await call(h, 'POST', '/v1/auth/passkeys/sign-in', { site, body: answer })
    expect(await json(refused, 400)).toEqual(apiError('PASSKEY_RP_ID_MISMATCH'))
  })

  it('set to a parent, it serves its subdomains', async () => {
    h = await createAuthHarness()
    const app = 'https://app.site.example'
    const site = await createTestSite(h.t, { name: 'App', origins: [app, siteOrigin] })
    await setAuthSettings(h.t, site, { passkeys: true, passkeyRelyingPartyId: 'site.example' })
    const token = await memberToken({ ...h, site })
    const res = await call(h, 'POST', '/v1/auth/passkeys/register/options', {
      token,
      site,
      origin: app,
    })
    const options = (await json(res, 200)) as Parameters<
      Awaited<ReturnType<typeof createTestAuthenticator>>['register']
    >[0]
    expect(options.rp.id).toBe('site.example')
    const device = await createTestAuthenticator({ origin: app })
    const added = await call(h, 'POST', '/v1/auth/passkeys', {
      token,
      site,
      origin: app,
      body: device.register(options),
    })
    await json(added, 201)
    expect((await storedPasskeys())[0]?.relying_party_id).toBe('site.example')
  })

  it('is a bare hostname: a URL or a host with a port is refused as a setting', () => {
    for (const bad of ['https://site.example', 'site.example:443', 'Site.Example', '.example']) {
      expect(authSettingsSchema.safeParse({ passkeyRelyingPartyId: bad }).success, bad).toBe(false)
    }
    expect(authSettingsSchema.parse({ passkeyRelyingPartyId: 'site.example' })).toMatchObject({
      passkeyRelyingPartyId: 'site.example',
      passkeys: false,
    })
  })
})

describe('managing passkeys', () => {
  it('renames the member’s own passkey; another member’s is not found', async () => {
    h = await createAuthHarness()
    await passkeysOn(h)
    const token = await memberToken(h)
    const { passkey } = await addPasskey(h, token)
    const renamed = await json(
      await call(h, 'PATCH', `/v1/auth/passkeys/${passkey.id}`, {
        token,
        body: { name: '  Work laptop ' },
      }),
      200,
    )
    expect(renamed).toEqual({ ...passkey, name: 'Work laptop' })
    const bob = await memberToken(h, 'bob@example.com')
    const stolen = await call(h, 'PATCH', `/v1/auth/passkeys/${passkey.id}`, {
      token: bob,
      body: { name: 'Mine now' },
    })
    expect(await json(stolen, 404)).toEqual(apiError('PASSKEY_NOT_FOUND'))
    const removed = await call(h, 'DELETE', `/v1/auth/passkeys/${passkey.id}`, { token: bob })
    expect(await json(removed, 404)).toEqual(apiError('PASSKEY_NOT_FOUND'))
    expect((await storedPasskeys())[0]?.name).toBe('Work laptop')
  })

  it('keeps a member’s last way to sign in: the only passkey of a member without password or links', async () => {
    h = await createAuthHarness()
    await passkeysOn(h)
    const token = await memberToken(h)
    const first = await addPasskey(h, token)
    const second = await addPasskey(h, token)
    // A member who joined without a password (by link, passkey or provider).
    await h.t.deps.client.execute("UPDATE members SET password_hash = ''")

    const remove = (id: unknown) => call(h, 'DELETE', `/v1/auth/passkeys/${id}`, { token })
    expect((await remove(first.passkey.id)).status).toBe(204)
    expect(await json(await remove(second.passkey.id), 409)).toEqual(
      apiError('LAST_SIGN_IN_METHOD'),
    )
    expect(await storedPasskeys()).toHaveLength(1)

    // A linked provider ("Sign in with …") the site offers is a way in: the last passkey may go.
    const [member] = await rows(h.t.deps.client, 'SELECT id FROM members')
    await h.t.deps.client.execute({
      sql: `INSERT INTO sign_in_providers (site_id, id, kind, display_name, client_id, created_at, updated_at)
            VALUES (?, 'github', 'github', 'GitHub', 'client', 1, 1)`,
      args: [h.site.id],
    })
    await h.t.deps.client.execute({
      sql: `INSERT INTO member_identities (site_id, provider_id, subject, member_id, created_at)
            VALUES (?, 'github', '4711', ?, 1)`,
      args: [h.site.id, String(member?.id)],
    })
    expect((await remove(second.passkey.id)).status).toBe(204)
    expect(await storedPasskeys()).toEqual([])
  })

  it('counts sign-in links as a way in for a member without a password', async () => {
    h = await createAuthHarness()
    await passkeysOn(h, { emailLinkSignIn: true })
    const token = await memberToken(h)
    const { passkey } = await addPasskey(h, token)
    await h.t.deps.client.execute("UPDATE members SET password_hash = ''")
    expect((await call(h, 'DELETE', `/v1/auth/passkeys/${passkey.id}`, { token })).status).toBe(204)
  })

  it('lets a member with a password remove their only passkey', async () => {
    h = await createAuthHarness()
    await passkeysOn(h)
    const token = await memberToken(h)
    const { passkey } = await addPasskey(h, token)
    expect((await call(h, 'DELETE', `/v1/auth/passkeys/${passkey.id}`, { token })).status).toBe(204)
    expect(await json(await call(h, 'GET', '/v1/auth/passkeys', { token }), 200)).toEqual({
      passkeys: [],
    })
  })
})
