import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  memberRow,
  signUp,
  type TestMember,
} from './account-test-helpers.ts'

// GET and PATCH /v1/account: the member's own profile. Each scenario checks the answer and the
// stored row.

let h: AccountHarness
let ann: TestMember
afterEach(() => h.close())

beforeEach(async () => {
  h = await createAccountHarness()
  ann = await signUp(h, { email: 'ann@example.com', displayName: 'Ann Example' })
  await signUp(h, { email: 'bob@example.com', displayName: 'Bob', username: 'Bob_B' })
})

describe('GET /v1/account', () => {
  it('answers the signed-in member their own account, not to be cached', async () => {
    const res = await call(h, 'GET', '/account', { token: ann.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({
      id: ann.id,
      email: 'ann@example.com',
      emailVerified: false,
      displayName: 'Ann Example',
      username: null,
      avatarUrl: null,
      bio: null,
      role: 'member',
      status: 'active',
      suspendedUntil: null,
      createdAt: h.clock.now(),
      hasPassword: true,
    })
  })

  it('answers a guest 401 SIGN_IN_REQUIRED', async () => {
    const res = await call(h, 'GET', '/account')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })

  it('answers a token that is no longer valid 401 INVALID_SESSION', async () => {
    const res = await call(h, 'GET', '/account', { token: `${'a'.repeat(32)}.${'b'.repeat(32)}` })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('INVALID_SESSION'))
  })
})

describe('PATCH /v1/account', () => {
  const longUrl = `https://img.example.com/${'a'.repeat(2049 - 24)}`
  const scenarios: {
    name: string
    body: unknown
    status: number
    /** Part of the answer: the account, or the error envelope. */
    answer: Record<string, unknown>
    /** Part of the stored row afterwards (unchanged on failure). */
    stored: Record<string, unknown>
  }[] = [
    {
      name: 'a new display name, trimmed as at registration',
      body: { displayName: '  Ann the Baker ' },
      status: 200,
      answer: { displayName: 'Ann the Baker' },
      stored: { display_name: 'Ann the Baker', updated_at: Date.UTC(2026, 10, 21, 12) },
    },
    {
      name: 'a username, kept as typed and compared lower-cased',
      body: { username: 'Ann_E' },
      status: 200,
      answer: { username: 'Ann_E' },
      stored: { username: 'Ann_E', username_key: 'ann_e' },
    },
    {
      name: "another member's username, in other letter case: 422 Taken",
      body: { username: 'bob_b' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { username: 'Taken' }),
      stored: { username: null, username_key: null },
    },
    {
      name: 'an https avatar and a bio',
      body: { avatarUrl: 'https://img.example.com/ann.png', bio: 'I bake bread.\r\nMostly rye.' },
      status: 200,
      answer: { avatarUrl: 'https://img.example.com/ann.png', bio: 'I bake bread.\nMostly rye.' },
      stored: { avatar_url: 'https://img.example.com/ann.png', bio: 'I bake bread.\nMostly rye.' },
    },
    {
      name: 'a bio of 500 characters, emoji counting once, control characters removed',
      body: { bio: `${'🍞'.repeat(500)}\u0007\u202e` },
      status: 200,
      answer: { bio: '🍞'.repeat(500) },
      stored: { bio: '🍞'.repeat(500) },
    },
    {
      name: 'an empty bio stores nothing',
      body: { bio: '   ' },
      status: 200,
      answer: { bio: null },
      stored: { bio: null },
    },
    {
      name: 'every bad field at once',
      body: {
        displayName: '',
        username: 'a b',
        avatarUrl: 'http://img.example.com/ann.png',
        bio: 'x'.repeat(501),
      },
      status: 422,
      answer: apiError('VALIDATION_FAILED', {
        displayName: 'Required.',
        username: 'Use 3 to 30 letters, digits, "_" or "-".',
        avatarUrl: 'Must be an https:// URL.',
        bio: 'At most 500 characters.',
      }),
      stored: { display_name: 'Ann Example', avatar_url: null, bio: null },
    },
    ...(
      [
        ['http on localhost', 'http://localhost:3000/me.png', 'Must be an https:// URL.'],
        ['https on localhost', 'https://localhost/me.png', 'Must be on a public domain name.'],
        ['an IP literal', 'https://192.168.1.1/reboot', 'Must be on a public domain name.'],
        ['an IPv6 literal', 'https://[::1]/me.png', 'Must be on a public domain name.'],
        ['a .local name', 'https://printer.local/me.png', 'Must be on a public domain name.'],
        [
          'credentials',
          'https://u:p@img.example.com/a.png',
          'Must not contain a user name or password.',
        ],
        ['javascript:', 'javascript:alert(1)', 'Must be an https:// URL.'],
        ['a data: URL', 'data:image/png;base64,AAAA', 'Must be an https:// URL.'],
        ['over 2048 characters', longUrl, 'At most 2048 characters.'],
      ] as const
    ).map(([what, avatarUrl, problem]) => ({
      name: `an avatar URL with ${what}`,
      body: { avatarUrl },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { avatarUrl: problem }),
      stored: { avatar_url: null },
    })),
    {
      name: 'fields that are not the profile (email, role): refused, not ignored',
      body: { email: 'boss@example.com', role: 'admin' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { email: 'Unknown field.', role: 'Unknown field.' }),
      stored: { email: 'ann@example.com', role: 'member' },
    },
    {
      name: 'nothing to change',
      body: {},
      status: 200,
      answer: { displayName: 'Ann Example' },
      stored: { display_name: 'Ann Example' },
    },
  ]
  for (const s of scenarios) {
    it(s.name, async () => {
      const res = await call(h, 'PATCH', '/account', { token: ann.token, body: s.body })
      expect(res.status).toBe(s.status)
      expect(await res.json()).toMatchObject(s.answer)
      expect(await memberRow(h.t, ann.id)).toMatchObject(s.stored)
    })
  }

  it('clears optional fields with null', async () => {
    const set = await call(h, 'PATCH', '/account', {
      token: ann.token,
      body: { username: 'ann', avatarUrl: 'https://img.example.com/a.png', bio: 'Hi' },
    })
    expect(set.status).toBe(200)
    h.clock.advance(1000)
    const res = await call(h, 'PATCH', '/account', {
      token: ann.token,
      body: { username: null, avatarUrl: null, bio: null },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ username: null, avatarUrl: null, bio: null })
    expect(await memberRow(h.t, ann.id)).toMatchObject({
      username: null,
      username_key: null,
      avatar_url: null,
      bio: null,
      updated_at: h.clock.now(),
    })
    // The freed name is anyone's again.
    const bob = await call(h, 'PATCH', '/account', {
      token: (await signUp(h, { email: 'cy@example.com', displayName: 'Cy' })).token,
      body: { username: 'ANN' },
    })
    expect(bob.status).toBe(200)
  })

  it('lets a member change the letter case of their own username', async () => {
    await call(h, 'PATCH', '/account', { token: ann.token, body: { username: 'ann_e' } })
    const res = await call(h, 'PATCH', '/account', {
      token: ann.token,
      body: { username: 'Ann_E' },
    })
    expect(res.status).toBe(200)
    expect(await memberRow(h.t, ann.id)).toMatchObject({ username: 'Ann_E', username_key: 'ann_e' })
  })

  it('answers a guest 401 SIGN_IN_REQUIRED before reading the body', async () => {
    const res = await call(h, 'PATCH', '/account', { body: { nonsense: true } })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })
})
