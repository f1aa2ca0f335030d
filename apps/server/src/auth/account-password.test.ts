import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  firstPassword,
  mailsQueuedBy,
  memberRow,
  secondPassword,
  sessionCount,
  signIn,
  signUp,
  type TestMember,
  tokenRows,
} from './account-test-helpers.ts'
import { passwordChecksPerMemberPerHour } from './current-password.ts'

// POST /v1/account/password: the answer, the stored hash, which sessions survive, and the notice.

let h: AccountHarness
let ann: TestMember
/** A second session of Ann's, on another device. */
let laptop: string
afterEach(() => h.close())

beforeEach(async () => {
  h = await createAccountHarness()
  ann = await signUp(h, { email: 'ann@example.com' })
  laptop = await signIn(h, ann.email, firstPassword)
})

async function storedPasswordIs(password: string) {
  const row = await memberRow(h.t, ann.id)
  return h.t.deps.passwords.verify(password, String(row?.password_hash))
}

/** As Ann on her phone, or as `token`'s holder; `null` for a guest. */
function changePassword(body: unknown, token: string | null = ann.token) {
  return call(h, 'POST', '/account/password', { ...(token && { token }), body })
}

describe('POST /v1/account/password', () => {
  it('changes the password, keeps this session, ends the others and sends a notice', async () => {
    const reset = await call(h, 'POST', '/auth/password-reset/request', {
      body: { email: ann.email },
    })
    expect(reset.status).toBe(202)
    let res: Response | undefined
    const mails = await mailsQueuedBy(h.t, async () => {
      res = await changePassword({ currentPassword: firstPassword, newPassword: secondPassword })
    })
    expect(res?.status).toBe(200)
    expect(await res?.json()).toEqual({ status: 'password_changed' })
    expect(await storedPasswordIs(secondPassword)).toBe(true)
    expect(mails).toEqual([
      {
        to: [ann.email],
        subject: 'Your Acme Garden password was changed',
        text: expect.any(String),
      },
    ])
    // "Keep this one": the session that made the change goes on; the laptop's is gone.
    expect(await sessionCount(h.t, ann.id)).toBe(1)
    expect((await call(h, 'GET', '/account', { token: ann.token })).status).toBe(200)
    const stale = await call(h, 'GET', '/account', { token: laptop })
    expect(stale.status).toBe(401)
    expect(await stale.json()).toEqual(apiError('INVALID_SESSION'))
    // A reset link mailed before the change can no longer undo it.
    expect((await tokenRows(h.t, ann.id, 'reset_password'))[0]?.used_at).toBe(h.clock.now())
    expect((await memberRow(h.t, ann.id))?.updated_at).toBe(h.clock.now())
  })

  it('keeps every session when asked not to sign out the others', async () => {
    const res = await changePassword({
      currentPassword: firstPassword,
      newPassword: secondPassword,
      signOutOtherSessions: false,
    })
    expect(res.status).toBe(200)
    expect(await sessionCount(h.t, ann.id)).toBe(2)
    expect((await call(h, 'GET', '/account', { token: laptop })).status).toBe(200)
  })

  const refusals: {
    name: string
    body: unknown
    status: number
    answer: unknown
  }[] = [
    {
      name: 'a wrong current password: 403 INVALID_PASSWORD',
      body: { currentPassword: 'not my password at all', newPassword: secondPassword },
      status: 403,
      answer: apiError('INVALID_PASSWORD'),
    },
    {
      name: 'a new password the policy refuses: 422 naming newPassword',
      body: { currentPassword: firstPassword, newPassword: 'qwerty123456' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', {
        newPassword: expect.stringContaining('most common passwords'),
      }),
    },
    {
      name: 'a new password that is too short',
      body: { currentPassword: firstPassword, newPassword: 'short' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { newPassword: 'Use at least 12 characters.' }),
    },
    {
      name: 'missing fields, all listed',
      body: { signOutOtherSessions: 'yes' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', {
        currentPassword: expect.any(String),
        newPassword: expect.any(String),
        signOutOtherSessions: expect.any(String),
      }),
    },
  ]
  for (const s of refusals) {
    it(`refuses ${s.name}, changing nothing`, async () => {
      let res: Response | undefined
      const mails = await mailsQueuedBy(h.t, async () => {
        res = await changePassword(s.body)
      })
      expect(res?.status).toBe(s.status)
      expect(await res?.json()).toEqual(s.answer)
      expect(await storedPasswordIs(firstPassword)).toBe(true)
      expect(await sessionCount(h.t, ann.id)).toBe(2)
      expect(mails).toEqual([])
    })
  }

  it('answers a guest 401 SIGN_IN_REQUIRED', async () => {
    const res = await changePassword(
      { currentPassword: firstPassword, newPassword: secondPassword },
      null,
    )
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })

  it(`allows ${passwordChecksPerMemberPerHour} current-password checks an hour per member, across sessions`, async () => {
    const statuses: number[] = []
    for (let i = 0; i < passwordChecksPerMemberPerHour; i++) {
      const token = i % 2 ? ann.token : laptop
      const res = await changePassword(
        { currentPassword: `guess ${i}`, newPassword: secondPassword },
        token,
      )
      statuses.push(res.status)
    }
    // The right password is refused too once the limit is reached: guessing gains nothing.
    const blocked = await changePassword({
      currentPassword: firstPassword,
      newPassword: secondPassword,
    })
    expect(statuses).toEqual(Array(passwordChecksPerMemberPerHour).fill(403))
    expect(blocked.status).toBe(429)
    expect(await blocked.json()).toEqual(apiError('RATE_LIMITED'))
    expect(await storedPasswordIs(firstPassword)).toBe(true)
    h.clock.advance(2 * 3_600_000)
    const later = await changePassword({
      currentPassword: firstPassword,
      newPassword: secondPassword,
    })
    expect(later.status).toBe(200)
  })
})
