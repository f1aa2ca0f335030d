import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  firstPassword,
  insertSubmission,
  mailsQueuedBy,
  memberRow,
  sessionCount,
  signIn,
  signUp,
  type TestMember,
} from './account-test-helpers.ts'

// DELETE /v1/account: the answer, what is gone (member, sessions, tokens), what stays for the
// site owner (submissions, unlinked), and the last email.

let h: AccountHarness
let ann: TestMember
let bob: TestMember
afterEach(() => h.close())

beforeEach(async () => {
  h = await createAccountHarness()
  ann = await signUp(h, { email: 'ann@example.com', username: 'ann' })
  bob = await signUp(h, { email: 'bob@example.com', displayName: 'Bob' })
})

function deleteAccount(body: unknown, token: string | null = ann.token) {
  return call(h, 'DELETE', '/account', { ...(token && { token }), body })
}

async function submissionOwners() {
  const found = await rows(h.t.deps.client, 'SELECT id, member_id FROM submissions ORDER BY id')
  return Object.fromEntries(found.map((r) => [String(r.id), r.member_id]))
}

async function tokenCount(memberId: string) {
  const [row] = await rows(
    h.t.deps.client,
    'SELECT count(*) AS n FROM member_tokens WHERE member_id = ?',
    memberId,
  )
  return Number(row?.n)
}

describe('DELETE /v1/account', () => {
  for (const policy of ['keep', 'remove'] as const) {
    it(`deletes the member, their sessions and links, keeps submissions unlinked (policy ${policy})`, async () => {
      await h.t.deps.client.execute({
        sql: 'UPDATE sites SET auth_settings = ? WHERE id = ?',
        args: [JSON.stringify({ deletedMemberPosts: policy }), h.site.id],
      })
      const phone = await signIn(h, ann.email, firstPassword)
      const annsMessage = await insertSubmission(h, { site: h.site, memberId: ann.id })
      const bobsMessage = await insertSubmission(h, { site: h.site, memberId: bob.id })
      expect(await tokenCount(ann.id)).toBe(1) // the verification link from registering

      let res: Response | undefined
      const mails = await mailsQueuedBy(h.t, async () => {
        res = await deleteAccount({ password: firstPassword })
      })
      expect(res?.status).toBe(204)
      expect(await res?.text()).toBe('')
      expect(await memberRow(h.t, ann.id)).toBeNull()
      expect(await sessionCount(h.t, ann.id)).toBe(0)
      expect(await tokenCount(ann.id)).toBe(0)
      expect(await submissionOwners()).toEqual({ [annsMessage]: null, [bobsMessage]: bob.id })
      expect(mails).toEqual([
        {
          to: [ann.email],
          subject: 'Your Acme Garden account was deleted',
          text: expect.stringContaining('personal data were deleted'),
        },
      ])
      for (const token of [ann.token, phone]) {
        const stale = await call(h, 'GET', '/account', { token })
        expect(stale.status).toBe(401)
        expect(await stale.json()).toEqual(apiError('INVALID_SESSION'))
      }
      // Bob is untouched.
      expect((await call(h, 'GET', '/account', { token: bob.token })).status).toBe(200)
    })
  }

  it('frees the address and the username for a new registration', async () => {
    expect((await deleteAccount({ password: firstPassword })).status).toBe(204)
    const again = await signUp(h, { email: 'ann@example.com', username: 'ann' })
    expect(again.id).not.toBe(ann.id)
    const res = await call(h, 'GET', '/account', { token: again.token })
    expect(await res.json()).toMatchObject({ email: 'ann@example.com', username: 'ann' })
  })

  it('clears the session cookie of a cookie session', async () => {
    const cookie = await signIn(h, ann.email, firstPassword, { transport: 'cookie' })
    const res = await call(h, 'DELETE', '/account', { cookie, body: { password: firstPassword } })
    expect(res.status).toBe(204)
    expect(res.headers.get('set-cookie')).toMatch(/^porchlight_session=;.*Max-Age=0/)
  })

  const refusals: { name: string; body: unknown; status: number; answer: unknown }[] = [
    {
      name: 'a wrong password: 403 INVALID_PASSWORD',
      body: { password: 'not my password at all' },
      status: 403,
      answer: apiError('INVALID_PASSWORD'),
    },
    {
      name: 'no password',
      body: {},
      status: 422,
      answer: apiError('VALIDATION_FAILED', { password: expect.any(String) }),
    },
  ]
  for (const s of refusals) {
    it(`refuses ${s.name}, deleting and sending nothing`, async () => {
      let res: Response | undefined
      const mails = await mailsQueuedBy(h.t, async () => {
        res = await deleteAccount(s.body)
      })
      expect(res?.status).toBe(s.status)
      expect(await res?.json()).toEqual(s.answer)
      expect(mails).toEqual([])
      expect(await memberRow(h.t, ann.id)).not.toBeNull()
      expect(await sessionCount(h.t, ann.id)).toBe(1)
    })
  }

  it('answers a guest 401 SIGN_IN_REQUIRED', async () => {
    const res = await deleteAccount({ password: firstPassword }, null)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })
})
