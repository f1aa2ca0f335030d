// <porchlight-auth> with the sign-in methods of issue 14, in Chromium against the real server
// and a real SMTP server: "email me a sign-in link" and the link from the inbox, the code step
// after the password for a member with TOTP on, and enrolling from the account view. Each state
// passes axe-core (WCAG 2.x A and AA, best practices) with no serious or critical violation.
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAudit } from '../../../../test/support/axe.ts'
import { totpCode } from '../helpers/operators.ts'
import {
  emailedLink,
  eventually,
  type Harness,
  hasChromium,
  heading,
  password,
  signIn,
  startHarness,
  status,
} from './harness.ts'

describe.skipIf(!hasChromium)('<porchlight-auth> sign-in links and two-factor, in Chromium', () => {
  let h: Harness
  const audit = createAudit()
  const failures: string[] = []
  const check = async (page: Page, state: string) => {
    failures.push(...(await audit.check(page, state)))
  }

  beforeAll(async () => {
    h = await startHarness()
    await h.owner('PATCH', '/v1/admin/auth-settings', { emailLinkSignIn: true })
  }, 120_000)
  afterEach(async () => {
    await h?.closePages()
    expect(failures.splice(0)).toEqual([])
  })
  afterAll(async () => {
    const notes = audit.notes()
    if (notes.length) console.info(`Findings that do not fail:\n${notes.join('\n')}`)
    await h?.close()
  })

  it('asks for a link by email, and signs in from the link received', async () => {
    await h.member('Ada Lovelace', 'ada@example.com')
    const page = await h.page()
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')
    await auth.getByRole('button', { name: 'Email me a sign-in link' }).click()
    await eventually(() => auth.locator('form').getAttribute('data-action')).toBe('link')
    await auth.getByLabel('Email', { exact: true }).fill('ada@example.com')
    await auth.locator('form').getByRole('button', { name: 'Email me a sign-in link' }).click()
    await eventually(() => status(auth)).toMatch(/^If an account uses this address, we sent it/)
    await check(page, 'sign-in link asked for')

    const mail = await h.mailTo('ada@example.com', /action=sign-in/)
    await page.goto(emailedLink(mail, 'sign-in'))
    await eventually(() => heading(auth)).toBe('Signed in as Ada Lovelace')
    // The one-time token left the address bar at once.
    expect(page.url()).not.toContain('token=')
  }, 120_000)

  it('opened in another browser, the link says where to open it', async () => {
    const page = await h.page()
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')
    await auth.getByRole('button', { name: 'Email me a sign-in link' }).click()
    await auth.getByLabel('Email', { exact: true }).fill('ada@example.com')
    const before = h.smtp.received.length
    await auth.locator('form').getByRole('button', { name: 'Email me a sign-in link' }).click()
    await eventually(async () => h.smtp.received.length).toBeGreaterThan(before)
    const mail = h.smtp.received.at(-1)
    if (!mail) throw new Error('no mail')

    const elsewhere = await h.page()
    await elsewhere.goto(emailedLink(mail, 'sign-in'))
    const there = elsewhere.locator('porchlight-auth')
    await eventually(() => status(there)).toBe(
      'Open this link in the browser where you asked for it, or ask for a new link here.',
    )
    expect(await heading(there)).toBe('Sign in')
  }, 120_000)

  it('asks for the code after the password, and enrols from the account view', async () => {
    await h.member('Bea Example', 'bea@example.com')
    // Bea turns TOTP on from the account view.
    const page = await h.page()
    await signIn(h, page, 'bea@example.com')
    const auth = page.locator('porchlight-auth')
    await eventually(() => heading(auth)).toBe('Signed in as Bea Example')
    await auth.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
    await eventually(() => heading(auth)).toBe('Set up two-factor sign-in')
    const qr = auth.getByRole('img', { name: 'QR code of the key for your authenticator app' })
    await eventually(() => qr.isVisible()).toBe(true)
    const secret = (await auth.locator('code').textContent()) ?? ''
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await check(page, 'two-factor setup')
    await auth.getByLabel('Code from your authenticator app').fill(totpCode(secret, Date.now()))
    await auth.getByRole('button', { name: 'Verify' }).click()
    await eventually(() => auth.locator('ol li').count()).toBe(10)
    expect(await status(auth)).toBe('Two-factor sign-in is on.')
    await check(page, 'two-factor recovery codes')

    // Another browser: the password, then the code step.
    const other = await h.page()
    await other.goto(h.demo('members.html'))
    const form = other.locator('porchlight-auth')
    await form.getByLabel('Email', { exact: true }).fill('bea@example.com')
    await form.getByLabel('Password', { exact: true }).fill(password)
    await form.getByRole('button', { name: 'Sign in' }).click()
    await eventually(() => heading(form)).toBe('Enter your code')
    await check(other, 'two-factor code step')
    const code = form.getByLabel('Code from your authenticator app')
    await code.fill('000000')
    await form.getByRole('button', { name: 'Verify' }).click()
    await eventually(() => status(form)).toBe(
      'That code is not right, or this sign-in expired. Try the current code.',
    )
    await check(other, 'two-factor code refused')
    // The app's next code: the one used to confirm cannot be used again.
    await code.fill(totpCode(secret, Date.now() + 30_000))
    await form.getByRole('button', { name: 'Verify' }).click()
    await eventually(() => heading(form)).toBe('Signed in as Bea Example')
  }, 180_000)

  it('where passwords are off, signs up without one and signs in from the link', async () => {
    await h.owner('PATCH', '/v1/admin/auth-settings', { passwordSignIn: false })
    try {
      const page = await h.page()
      await page.goto(h.demo('members.html'))
      const auth = page.locator('porchlight-auth')
      await auth.getByRole('button', { name: 'Create an account' }).click()
      await eventually(() => auth.locator('form').getAttribute('data-action')).toBe('register')
      expect(await auth.locator('input[type="password"]').count()).toBe(0)
      await auth.getByLabel('Name', { exact: true }).fill('Cleo Example')
      await auth.getByLabel('Email', { exact: true }).fill('cleo@example.com')
      await auth.locator('form').getByRole('button', { name: 'Create an account' }).click()
      await eventually(() => status(auth)).toBe(
        'We sent you a link to confirm your email address and sign in. Open it in this browser within 15 minutes.',
      )
      await check(page, 'signed up without a password')

      const mail = await h.mailTo('cleo@example.com', /action=sign-in/)
      await page.goto(emailedLink(mail, 'sign-in'))
      await eventually(() => heading(auth)).toBe('Signed in as Cleo Example')
      expect(await auth.getByText('Please confirm your email address').count()).toBe(0)
    } finally {
      await h.owner('PATCH', '/v1/admin/auth-settings', { passwordSignIn: true })
    }
  }, 120_000)
})
