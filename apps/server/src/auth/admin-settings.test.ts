import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { apiError, rows } from '../../test/helpers/http.ts'
import { type OwnerApi, ownerApi } from '../../test/helpers/owner-api.ts'
import { addMember } from './admin-test-helpers.ts'
import { type AuthHarness, createAuthHarness, signIn } from './test-helpers.ts'

// A site's membership settings through the owner's API: defaults on read, partial changes,
// every bad key reported at once, only explicit choices stored, and the change in force on the
// public API at once.

let h: AuthHarness
let owner: OwnerApi

beforeEach(async () => {
  h = await createAuthHarness()
  owner = ownerApi(h.t, h.site)
})
afterEach(() => h.close())

const defaults = {
  passwordMinLength: 12,
  breachedPasswordCheck: false,
  allowUnverifiedSignIn: true,
  allowUnverifiedPosting: false,
  sessionInactivityDays: 30,
  sessionAbsoluteDays: 90,
  linkTemplate: null,
  deletedMemberPosts: 'keep',
  passwordSignIn: true,
  emailLinkSignIn: false,
  totp: 'optional',
  passkeys: false,
  passkeyRelyingPartyId: null,
}

async function stored(siteId = h.site.id) {
  const [row] = await rows(h.t.deps.client, 'SELECT auth_settings FROM sites WHERE id = ?', siteId)
  return JSON.parse(String(row?.auth_settings))
}

describe('GET /v1/admin/auth-settings', () => {
  it('answers every setting with its default, linkTemplate null when unset', async () => {
    const res = await owner.request('/auth-settings')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(defaults)
  })
})

describe('PATCH /v1/admin/auth-settings', () => {
  it.each([
    { patch: { passwordMinLength: 16 }, stored: { passwordMinLength: 16 } },
    {
      patch: {
        linkTemplate: 'https://shop.example/me?do={action}&t={token}',
        deletedMemberPosts: 'remove',
      },
      stored: {
        linkTemplate: 'https://shop.example/me?do={action}&t={token}',
        deletedMemberPosts: 'remove',
      },
    },
    {
      patch: { sessionInactivityDays: 7, sessionAbsoluteDays: 30 },
      stored: { sessionInactivityDays: 7, sessionAbsoluteDays: 30 },
    },
    { patch: {}, stored: {} },
  ])(
    '$patch → 200 with the full settings; only the choices are stored',
    async ({ patch, stored: expected }) => {
      const res = await owner.send('PATCH', '/auth-settings', patch)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ ...defaults, ...patch })
      expect(await stored()).toEqual(expected)
      expect(await (await owner.request('/auth-settings')).json()).toEqual({
        ...defaults,
        ...patch,
      })
    },
  )

  it('keys left out keep their value; null restores the default', async () => {
    await owner.send('PATCH', '/auth-settings', {
      passwordMinLength: 20,
      allowUnverifiedSignIn: false,
    })
    const res = await owner.send('PATCH', '/auth-settings', {
      passwordMinLength: null,
      sessionAbsoluteDays: 60,
    })
    expect(await res.json()).toEqual({
      ...defaults,
      allowUnverifiedSignIn: false,
      sessionAbsoluteDays: 60,
    })
    expect(await stored()).toEqual({ allowUnverifiedSignIn: false, sessionAbsoluteDays: 60 })
  })

  it('what a GET answers can be PATCHed back unchanged', async () => {
    await owner.send('PATCH', '/auth-settings', { passwordMinLength: 14 })
    const current = await (await owner.request('/auth-settings')).json()
    const res = await owner.send('PATCH', '/auth-settings', current)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(current)
  })

  it('422 names every bad key as settings.<key>, and stores nothing', async () => {
    await owner.send('PATCH', '/auth-settings', { passwordMinLength: 14 })
    const res = await owner.send('PATCH', '/auth-settings', {
      passwordMinLength: 4,
      sessionInactivityDays: 'thirty',
      linkTemplate: 'https://shop.example/account',
      deletedMemberPosts: 'archive',
      colour: 'red',
      allowUnverifiedSignIn: false,
    })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(
      apiError('VALIDATION_FAILED', {
        'settings.passwordMinLength': expect.any(String),
        'settings.sessionInactivityDays': expect.any(String),
        'settings.linkTemplate': expect.any(String),
        'settings.deletedMemberPosts': expect.any(String),
        'settings.colour': 'Unknown field.',
      }),
    )
    expect(await stored()).toEqual({ passwordMinLength: 14 })
  })

  it.each([
    { name: 'an array', body: '[]', status: 422 },
    { name: 'a number', body: '5', status: 422 },
    { name: 'malformed JSON', body: '{"a":', status: 400 },
  ])('refuses $name ($status)', async ({ body, status }) => {
    const res = await owner.request('/auth-settings', {
      method: 'PATCH',
      body,
      headers: { 'Content-Type': 'application/json' },
    })
    expect(res.status).toBe(status)
    expect(await stored()).toEqual({})
  })

  it('takes effect on the public API at once (unverified members refused)', async () => {
    await addMember(h.t, h.site, { email: 'ann@example.com' })
    expect((await signIn(h, { email: 'ann@example.com' })).status).toBe(200)
    await owner.send('PATCH', '/auth-settings', { allowUnverifiedSignIn: false })
    const res = await signIn(h, { email: 'ann@example.com' })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('EMAIL_NOT_VERIFIED'))
  })

  it('changes only the key’s own site', async () => {
    const other = await createTestSite(h.t, { name: 'Other' })
    await ownerApi(h.t, other).send('PATCH', '/auth-settings', { passwordMinLength: 30 })
    expect(await stored()).toEqual({})
    expect(await stored(other.id)).toEqual({ passwordMinLength: 30 })
    expect(await (await owner.request('/auth-settings')).json()).toEqual(defaults)
  })

  it('drops stored keys the schema no longer knows, so the rest stays readable', async () => {
    await h.t.deps.client.execute({
      sql: 'UPDATE sites SET auth_settings = ? WHERE id = ?',
      args: [JSON.stringify({ passwordMinLength: 15, retiredSetting: true }), h.site.id],
    })
    const res = await owner.send('PATCH', '/auth-settings', { sessionAbsoluteDays: 45 })
    expect(await res.json()).toEqual({
      ...defaults,
      passwordMinLength: 15,
      sessionAbsoluteDays: 45,
    })
    expect(await stored()).toEqual({ passwordMinLength: 15, sessionAbsoluteDays: 45 })
  })
})

describe('sign-in methods', () => {
  it('turns password sign-in off, and refuses to leave members no way in', async () => {
    await addMember(h.t, h.site, { email: 'ann@example.com' })
    const both = await owner.send('PATCH', '/auth-settings', { passwordSignIn: false })
    expect(both.status).toBe(422)
    expect(await both.json()).toEqual(
      apiError('VALIDATION_FAILED', { 'settings.passwordSignIn': expect.any(String) }),
    )
    expect(await stored()).toEqual({})

    const linksOnly = await owner.send('PATCH', '/auth-settings', {
      passwordSignIn: false,
      emailLinkSignIn: true,
    })
    expect(linksOnly.status).toBe(200)
    const res = await signIn(h, { email: 'ann@example.com' })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('SIGN_IN_METHOD_DISABLED'))
  })

  it('requiring TOTP of staff signs out moderators who have not enrolled, not members', async () => {
    await addMember(h.t, h.site, { email: 'mod@example.com', role: 'moderator' })
    await addMember(h.t, h.site, { email: 'ann@example.com' })
    const token = async (email: string) =>
      ((await (await signIn(h, { email })).json()) as { token: string }).token
    const mod = await token('mod@example.com')
    const ann = await token('ann@example.com')
    const res = await owner.send('PATCH', '/auth-settings', { totp: 'required_for_staff' })
    expect(res.status).toBe(200)
    const sessionOf = (t: string) =>
      h.t.app.request('/v1/auth/session', {
        headers: { 'X-Porchlight-Key': h.site.publishableKey, Authorization: `Bearer ${t}` },
      })
    expect((await sessionOf(mod)).status).toBe(401)
    expect((await sessionOf(ann)).status).toBe(200)
  })
})
