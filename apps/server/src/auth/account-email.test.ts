import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  firstPassword,
  linkToken,
  mailsQueuedBy,
  memberRow,
  signIn,
  signUp,
  type TestMember,
  tokenRows,
} from './account-test-helpers.ts'

// POST /v1/account/email and POST /v1/auth/email-change/confirm: the answers, the stored token
// and address, and the emails to the new and the old address.

let h: AccountHarness
let ann: TestMember
afterEach(() => h.close())

const newAddress = 'ann.baker@example.net'
const confirmationSent = { status: 'confirmation_sent' }
const hour = 3_600_000

beforeEach(async () => {
  h = await createAccountHarness()
  ann = await signUp(h, { email: 'ann@example.com' })
})

function requestChange(body: unknown, token = ann.token) {
  return call(h, 'POST', '/account/email', { token, body })
}

function confirmChange(token: string) {
  return call(h, 'POST', '/auth/email-change/confirm', { body: { token } })
}

/** Requests a change to `to` and returns the token mailed to that address. */
async function changeToken(to = newAddress) {
  const mails = await mailsQueuedBy(h.t, () =>
    requestChange({ password: firstPassword, newEmail: to }),
  )
  const confirmation = mails.find((m) => m.to[0] === to)
  return linkToken(confirmation?.text ?? '', 'confirm-email-change')
}

describe('POST /v1/account/email', () => {
  it('mails a 24-hour link to the new address and a notice to the old one, in one batch', async () => {
    let res: Response | undefined
    const mails = await mailsQueuedBy(h.t, async () => {
      res = await requestChange({ password: firstPassword, newEmail: ' Ann.Baker@Example.NET ' })
    })
    expect(res?.status).toBe(202)
    expect(await res?.json()).toEqual(confirmationSent)
    expect(mails).toEqual([
      {
        to: [newAddress],
        subject: 'Confirm your new email for Acme Garden',
        text: expect.stringContaining(
          'https://site.example/account?action=confirm-email-change&token=',
        ),
      },
      {
        to: [ann.email],
        subject: 'Your Acme Garden email is about to change',
        text: expect.stringContaining(newAddress),
      },
    ])
    const token = linkToken(mails[0]?.text ?? '', 'confirm-email-change')
    expect(await tokenRows(h.t, ann.id, 'change_email')).toEqual([
      expect.objectContaining({
        id: token.split('.')[0],
        new_email: newAddress,
        expires_at: h.clock.now() + 24 * hour,
        used_at: null,
      }),
    ])
    // Nothing changes until the new address confirms.
    expect((await memberRow(h.t, ann.id))?.email).toBe(ann.email)
  })

  it("answers the same for another member's address, mailing only the notice to the old one", async () => {
    await signUp(h, { email: newAddress, displayName: 'Someone Else' })
    let res: Response | undefined
    const mails = await mailsQueuedBy(h.t, async () => {
      res = await requestChange({ password: firstPassword, newEmail: newAddress })
    })
    expect(res?.status).toBe(202)
    expect(await res?.json()).toEqual(confirmationSent)
    expect(mails.map((m) => m.to)).toEqual([[ann.email]])
    expect(await tokenRows(h.t, ann.id, 'change_email')).toEqual([])
  })

  const refusals: { name: string; body: unknown; status: number; answer: unknown }[] = [
    {
      name: 'a wrong password: 403 INVALID_PASSWORD',
      body: { password: 'not my password at all', newEmail: newAddress },
      status: 403,
      answer: apiError('INVALID_PASSWORD'),
    },
    {
      name: 'the address it already has',
      body: { password: firstPassword, newEmail: 'ANN@example.com' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { newEmail: 'This is already your email address.' }),
    },
    {
      name: 'not an address',
      body: { password: firstPassword, newEmail: 'ann at example' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { newEmail: 'Not a valid email address.' }),
    },
    {
      // Optional in the schema (a member without a password leaves it out), so it is asked for
      // once the body is well formed: a malformed address is reported first, on its own.
      name: 'no password, from a member who has one',
      body: { newEmail: newAddress },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { password: 'Required.' }),
    },
  ]
  for (const s of refusals) {
    it(`refuses ${s.name}, storing and sending nothing`, async () => {
      let res: Response | undefined
      const mails = await mailsQueuedBy(h.t, async () => {
        res = await requestChange(s.body)
      })
      expect(res?.status).toBe(s.status)
      expect(await res?.json()).toEqual(s.answer)
      expect(mails).toEqual([])
      expect(await tokenRows(h.t, ann.id, 'change_email')).toEqual([])
    })
  }

  it('answers a guest 401 SIGN_IN_REQUIRED', async () => {
    const res = await call(h, 'POST', '/account/email', {
      body: { password: firstPassword, newEmail: newAddress },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })
})

describe('POST /v1/auth/email-change/confirm', () => {
  it('switches to the new, verified address, without needing a session', async () => {
    const token = await changeToken()
    h.clock.advance(23 * hour)
    const res = await confirmChange(token)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toMatchObject({ id: ann.id, email: newAddress, emailVerified: true })
    expect(await memberRow(h.t, ann.id)).toMatchObject({
      email: newAddress,
      email_verified_at: h.clock.now(),
      updated_at: h.clock.now(),
    })
    // Signing in now takes the new address; the old one is free for anyone to register.
    expect(await signIn(h, newAddress, firstPassword)).toMatch(/\./)
    const old = await call(h, 'POST', '/auth/login', {
      body: { email: ann.email, password: firstPassword },
    })
    expect(old.status).toBe(401)
    const newcomer = await signUp(h, { email: 'ann@example.com', displayName: 'New Ann' })
    expect(newcomer.id).not.toBe(ann.id)
  })

  it('accepts a link once', async () => {
    const token = await changeToken()
    expect((await confirmChange(token)).status).toBe(200)
    const again = await confirmChange(token)
    expect(again.status).toBe(400)
    expect(await again.json()).toEqual(apiError('INVALID_TOKEN'))
  })

  it('refuses a link after 24 hours', async () => {
    const token = await changeToken()
    h.clock.advance(24 * hour)
    const res = await confirmChange(token)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('INVALID_TOKEN'))
    expect((await memberRow(h.t, ann.id))?.email).toBe(ann.email)
  })

  it('answers 409 EMAIL_TAKEN when someone registered the address meanwhile, leaving the link', async () => {
    const token = await changeToken()
    await signUp(h, { email: newAddress, displayName: 'Quick Registrant' })
    const res = await confirmChange(token)
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('EMAIL_TAKEN'))
    expect((await memberRow(h.t, ann.id))?.email).toBe(ann.email)
    expect((await tokenRows(h.t, ann.id, 'change_email'))[0]?.used_at).toBeNull()
  })

  it('refuses a malformed token, a reset token and a link from another site', async () => {
    const token = await changeToken()
    const reset = await mailsQueuedBy(h.t, () =>
      call(h, 'POST', '/auth/password-reset/request', { body: { email: ann.email } }),
    )
    const answers = [
      await confirmChange('not-a-token'),
      await confirmChange(linkToken(reset[0]?.text ?? '', 'reset-password')),
      await call(h, 'POST', '/auth/email-change/confirm', { site: h.otherSite, body: { token } }),
    ]
    for (const res of answers) {
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual(apiError('INVALID_TOKEN'))
    }
    expect((await memberRow(h.t, ann.id))?.email).toBe(ann.email)
  })

  it('is spent by a password change: a session thief cannot finish moving the account', async () => {
    const token = await changeToken('thief@example.net')
    const change = await call(h, 'POST', '/account/password', {
      token: ann.token,
      body: { currentPassword: firstPassword, newPassword: 'violet kettle under moonlight' },
    })
    expect(change.status).toBe(200)
    const res = await confirmChange(token)
    expect(res.status).toBe(400)
    expect((await memberRow(h.t, ann.id))?.email).toBe(ann.email)
  })
})
