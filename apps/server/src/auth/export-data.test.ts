import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  firstPassword,
  insertSubmission,
  signIn,
  signUp,
  type TestMember,
} from './account-test-helpers.ts'

// GET /v1/account/export: a download of everything the site holds about the member, and nothing
// secret.

let h: AccountHarness
let ann: TestMember
afterEach(() => h.close())

beforeEach(async () => {
  h = await createAccountHarness()
  ann = await signUp(h, { email: 'ann@example.com', username: 'ann' })
})

describe('GET /v1/account/export', () => {
  it('downloads the profile, sessions and submissions as a JSON attachment', async () => {
    h.clock.advance(60_000)
    const laptop = await signIn(h, ann.email, firstPassword)
    const mine = await insertSubmission(h, {
      site: h.site,
      memberId: ann.id,
      data: { email: 'ann@example.com', message: 'Is the bakery open on Sunday?' },
    })
    // Not Ann's: another member's, an unlinked one, and one with her id on another site.
    const bob = await signUp(h, { email: 'bob@example.com', displayName: 'Bob' })
    await insertSubmission(h, { site: h.site, memberId: bob.id })
    await insertSubmission(h, { site: h.site, memberId: null })
    await insertSubmission(h, { site: h.otherSite, memberId: ann.id })
    h.clock.advance(60_000)

    const res = await call(h, 'GET', '/account/export', { token: ann.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="porchlight-account-${ann.id}.json"`,
    )
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    const account = await (await call(h, 'GET', '/account', { token: ann.token })).json()
    const start = Date.UTC(2026, 10, 21, 12)
    expect(body).toEqual({
      exportedAt: h.clock.now(),
      site: { id: h.site.id, name: 'Acme Garden' },
      account,
      sessions: [
        expect.objectContaining({ current: false, createdAt: start + 60_000, transport: 'bearer' }),
        expect.objectContaining({ current: true, createdAt: start, ip: '203.0.113.9' }),
      ],
      submissions: [
        {
          id: mine,
          formId: 'contact',
          data: { email: 'ann@example.com', message: 'Is the bakery open on Sunday?' },
          email: 'ann@example.com',
          ip: '203.0.113.9',
          userAgent: 'Test browser',
          createdAt: start + 60_000,
        },
      ],
      posts: [],
      passkeys: [],
      identities: [],
    })
    expect(body.sessions.map((s: { id: string }) => s.id).sort()).toEqual(
      [ann.token, laptop].map((t) => t.split('.')[0]).sort(),
    )
  })

  it('contains no password hash, token secret or token hash', async () => {
    const res = await call(h, 'GET', '/account/export', { token: ann.token })
    const text = await res.text()
    for (const secret of ['password', 'secretHash', 'secret_hash', '$scrypt$']) {
      expect(text).not.toContain(secret)
    }
    const [member] = await rows(h.t.deps.client, 'SELECT password_hash FROM members')
    const stored = await rows(h.t.deps.client, 'SELECT secret_hash FROM sessions')
    const tokens = await rows(h.t.deps.client, 'SELECT secret_hash FROM member_tokens')
    const secrets = [
      String(member?.password_hash),
      ann.token.split('.')[1] ?? '',
      ...[...stored, ...tokens].map((r) => String(r.secret_hash)),
    ]
    for (const secret of secrets) expect(text).not.toContain(secret)
  })

  it('lists passkeys and linked providers without key material or provider ids', async () => {
    const bob = await signUp(h, { email: 'bob@example.com', displayName: 'Bob' })
    const passkey = (id: string, memberId: string, name: string, lastUsedAt: number | null) =>
      h.t.deps.client.execute({
        sql: `INSERT INTO member_passkeys (id, site_id, member_id, credential_id, public_key, algorithm, sign_count, name, relying_party_id, transports, created_at, last_used_at)
              VALUES (?, ?, ?, ?, 'BPUBLICKEYMATERIAL', -7, 3, ?, 'acme.example', '[]', 1000, ?)`,
        args: [id, h.site.id, memberId, `cred-${id}`, name, lastUsedAt],
      })
    await passkey('pkey_a', ann.id, 'Work laptop', 5000)
    await passkey('pkey_b', bob.id, 'Bob’s phone', null)
    await h.t.deps.client.execute({
      sql: `INSERT INTO member_identities (site_id, provider_id, subject, member_id, email, created_at)
            VALUES (?, 'github', 'gh-subject-4711', ?, 'ann@users.example', 2000)`,
      args: [h.site.id, ann.id],
    })
    const res = await call(h, 'GET', '/account/export', { token: ann.token })
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({
      passkeys: [{ name: 'Work laptop', createdAt: 1000, lastUsedAt: 5000 }],
      identities: [{ providerId: 'github', email: 'ann@users.example', createdAt: 2000 }],
    })
    for (const secret of ['BPUBLICKEYMATERIAL', 'cred-pkey_a', 'gh-subject-4711', 'pkey_a']) {
      expect(text).not.toContain(secret)
    }
  })

  it('answers a guest 401 SIGN_IN_REQUIRED', async () => {
    const res = await call(h, 'GET', '/account/export')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })
})
