import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import type { ApiError } from '../http/errors.ts'
import { siteScope } from '../sites/scope.ts'
import type { BreachedPasswordChecker } from './breached-passwords.ts'
import { type CreateMemberInput, createMember } from './create-member.ts'
import { readAuthSettings } from './settings.ts'
import { type AuthHarness, createAuthHarness, password, signIn } from './test-helpers.ts'

// Members made by the operator (the CLI's `user create`): the same rules as a registration for
// the address, the name and the password, with the role and verification the operator chose.

let h: AuthHarness

beforeEach(async () => {
  h = await createAuthHarness()
})
afterEach(() => h.close())

const settings = readAuthSettings({})
const create = (input: Partial<CreateMemberInput>, options: { site?: string; min?: number } = {}) =>
  createMember(
    h.t.deps,
    siteScope(options.site ?? h.site.id),
    { ...settings, passwordMinLength: options.min ?? settings.passwordMinLength },
    { email: 'Ann@Example.COM ', password, displayName: ' Ann ', ...input },
  )

async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as ApiError | null
  if (!error) throw new Error('expected a failure')
  return { status: error.status, code: error.code, fields: error.fields }
}

describe('createMember', () => {
  it('stores a normalised member with a hash of the password, who can sign in', async () => {
    const created = await create({ role: 'admin' })
    expect(created).toEqual({
      id: expect.stringMatching(/^mem_/),
      email: 'ann@example.com',
      displayName: 'Ann',
      role: 'admin',
      emailVerified: false,
      createdAt: h.clock.now(),
    })
    const [row] = await rows(h.t.deps.client, 'SELECT * FROM members')
    expect(row).toMatchObject({
      id: created.id,
      site_id: h.site.id,
      email: 'ann@example.com',
      email_verified_at: null,
      display_name: 'Ann',
      role: 'admin',
      status: 'active',
    })
    expect(String(row?.password_hash)).toMatch(/^\$scrypt\$/)
    expect(await h.t.deps.passwords.verify(password, String(row?.password_hash))).toBe(true)
    const res = await signIn(h, { email: 'ann@example.com' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ account: { id: created.id, role: 'admin' } })
  })

  it('verified: the operator vouches for the address', async () => {
    const created = await create({ verified: true })
    expect(created.emailVerified).toBe(true)
    expect(await rows(h.t.deps.client, 'SELECT email_verified_at FROM members')).toEqual([
      { email_verified_at: h.clock.now() },
    ])
  })

  it.each([
    { input: { email: 'not-an-address' }, fields: ['email'] },
    { input: { displayName: '   ' }, fields: ['displayName'] },
    { input: { password: 'short' }, fields: ['password'] },
    { input: { password: '1qaz2wsx3edc' }, fields: ['password'], why: 'a common password' },
    {
      input: { email: 'annabel@example.com', password: 'annabel and her secrets' },
      fields: ['password'],
      why: 'the email in it',
    },
    { input: { role: 'owner' as 'admin' }, fields: ['role'] },
    {
      input: { email: 'x', displayName: '', password: 'short' },
      fields: ['email', 'displayName', 'password'],
    },
  ])('422 naming $fields for $input, storing nothing', async ({ input, fields }) => {
    const result = await failure(create(input))
    expect(result).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' })
    expect(Object.keys(result.fields ?? {}).sort()).toEqual([...fields].sort())
    expect(await rows(h.t.deps.client, 'SELECT id FROM members')).toEqual([])
  })

  it('follows the site’s minimum length', async () => {
    const short = await failure(create({ password: 'fourteen chars' }, { min: 20 }))
    expect(short.fields).toEqual({ password: 'Use at least 20 characters.' })
    await expect(create({ password: 'fourteen chars' }, { min: 14 })).resolves.toMatchObject({
      role: 'member',
    })
  })

  it('asks the breached-password check only when the site turned it on', async () => {
    const asked: string[] = []
    const checker: BreachedPasswordChecker = {
      isBreached: async (p) => {
        asked.push(p)
        return true
      },
    }
    const deps = { ...h.t.deps, breachedPasswords: checker }
    const input = { email: 'ann@example.com', password, displayName: 'Ann' }
    const scope = siteScope(h.site.id)
    const on = createMember(deps, scope, { ...settings, breachedPasswordCheck: true }, input)
    expect((await failure(on)).fields).toEqual({ password: expect.stringContaining('breach') })
    await createMember(deps, scope, settings, input)
    expect(asked).toEqual([password])
  })

  it('409 EMAIL_TAKEN for an address the site has, in any spelling; other sites may have it', async () => {
    await create({})
    expect(await failure(create({ email: 'ANN@example.com' }))).toMatchObject({
      status: 409,
      code: 'EMAIL_TAKEN',
    })
    const other = await createTestSite(h.t, { name: 'Other' })
    await expect(create({}, { site: other.id })).resolves.toMatchObject({
      email: 'ann@example.com',
    })
    expect(await rows(h.t.deps.client, 'SELECT site_id FROM members ORDER BY rowid')).toEqual([
      { site_id: h.site.id },
      { site_id: other.id },
    ])
  })
})

describe('createMember on a site with password sign-in off', () => {
  const passwordless = { ...settings, passwordSignIn: false, emailLinkSignIn: true }
  const createThere = (input: Partial<CreateMemberInput>) =>
    createMember(h.t.deps, siteScope(h.site.id), passwordless, {
      email: 'ann@example.com',
      displayName: 'Ann',
      ...input,
    })

  it('stores the member with no password, whom no password signs in', async () => {
    const created = await createThere({})
    expect(created).toMatchObject({ email: 'ann@example.com', role: 'member' })
    expect(await rows(h.t.deps.client, 'SELECT password_hash FROM members')).toEqual([
      { password_hash: '' },
    ])
    // The empty hash verifies nothing: any password is a wrong one.
    expect((await signIn(h, { email: 'ann@example.com', password })).status).toBe(401)
  })

  it('422 PASSWORD_NOT_ACCEPTED for a password nothing would ask for, storing nothing', async () => {
    expect(await failure(createThere({ password }))).toMatchObject({
      status: 422,
      code: 'PASSWORD_NOT_ACCEPTED',
    })
    expect(await rows(h.t.deps.client, 'SELECT id FROM members')).toEqual([])
  })

  it('where passwords are on, one is still required', async () => {
    const missing = await failure(
      createMember(h.t.deps, siteScope(h.site.id), settings, {
        email: 'ann@example.com',
        displayName: 'Ann',
      }),
    )
    expect(missing).toMatchObject({ status: 422, fields: { password: 'Required.' } })
    expect(await rows(h.t.deps.client, 'SELECT id FROM members')).toEqual([])
  })
})
