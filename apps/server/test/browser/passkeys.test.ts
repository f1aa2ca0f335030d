// Passkeys in <porchlight-auth>, in Chromium with a virtual authenticator (the DevTools
// protocol's WebAuthn domain: a CTAP2 platform authenticator with resident keys and user
// verification), against the real server: a member adds a passkey from the account view, signs
// out, signs in with it (no email or password typed), renames it and removes it. The passkey
// views pass axe-core with no serious or critical violation.
//
// WebAuthn needs a secure context and a relying party id that is a domain, so the page runs on
// http://localhost (secure by the browser's rules; 127.0.0.1 is secure too but no domain):
// the site allows that origin, and the RP id defaults to the page's own host, `localhost`.
import type { CDPSession, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAudit } from '../../../../test/support/axe.ts'
import {
  eventually,
  type Harness,
  hasChromium,
  heading,
  password,
  startHarness,
} from './harness.ts'

type Credential = { credentialId: string; isResidentCredential: boolean; signCount: number }

describe.skipIf(!hasChromium)('<porchlight-auth> passkeys, in Chromium', () => {
  let h: Harness
  let localhost: string
  const audit = createAudit()
  const failures: string[] = []
  const check = async (page: Page, state: string) => {
    failures.push(...(await audit.check(page, state)))
  }

  beforeAll(async () => {
    h = await startHarness()
    localhost = h.server.url.replace('127.0.0.1', 'localhost')
    await h.owner('POST', '/v1/admin/origins', { origin: localhost })
    await h.owner('PATCH', '/v1/admin/auth-settings', { passkeys: true })
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

  /** A page with a virtual platform authenticator that verifies the user (like Touch ID). */
  async function pageWithAuthenticator(): Promise<{ page: Page; cdp: CDPSession; id: string }> {
    const page = await h.page()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    const { authenticatorId: id } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    })
    return { page, cdp, id }
  }

  it('adds a passkey, signs out, signs in with it, renames and removes it', async () => {
    const ada = await h.member('Ada Lovelace', 'ada@example.com')
    const { page, cdp, id } = await pageWithAuthenticator()
    await page.goto(`${localhost}/demo/members.html`)
    const auth = page.locator('porchlight-auth')
    const email = auth.getByLabel('Email', { exact: true })
    // The email field lets the browser offer passkeys in its autofill (conditional UI).
    await eventually(() => email.getAttribute('autocomplete')).toBe('username webauthn')
    await email.fill('ada@example.com')
    await auth.getByLabel('Password', { exact: true }).fill(password)
    await auth.getByRole('button', { name: 'Sign in', exact: true }).click()
    await eventually(() => heading(auth)).toBe('Signed in as Ada Lovelace')

    // Add one from the account view.
    await auth.getByRole('button', { name: 'Add a passkey' }).click()
    const names = auth.getByRole('textbox', { name: 'Name' })
    await eventually(() => names.count()).toBe(1)
    expect(await names.inputValue()).toBe('This device')
    const stored = async () =>
      (await cdp.send('WebAuthn.getCredentials', { authenticatorId: id }))
        .credentials as Credential[]
    const [credential] = await stored()
    expect(credential?.isResidentCredential).toBe(true)
    const listed = await h.call<{ passkeys: { name: string }[] }>(
      'GET',
      '/v1/auth/passkeys',
      undefined,
      ada.token,
    )
    expect(listed.passkeys.map((p) => p.name)).toEqual(['This device'])
    await check(page, 'account view with a passkey')

    // Renamed in place.
    await names.fill('Ada’s laptop')
    await auth.getByRole('button', { name: 'Save', exact: true }).click()
    await eventually(async () => {
      const { passkeys } = await h.call<{ passkeys: { name: string }[] }>(
        'GET',
        '/v1/auth/passkeys',
        undefined,
        ada.token,
      )
      return passkeys.map((p) => p.name)
    }).toEqual(['Ada’s laptop'])

    // Signed out, the sign-in view offers the passkey. The member does not touch the
    // authenticator yet: the passkeys the page offers in the email's autofill wait for them.
    const presence = (enabled: boolean) =>
      cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId: id, enabled })
    await presence(false)
    // The view takes no click while it is busy (aria-busy) reloading the renamed list, as a
    // member sees; wait for it as they would.
    await eventually(() => auth.locator('[aria-busy="true"]').count()).toBe(0)
    await auth.getByRole('button', { name: 'Sign out' }).click()
    await eventually(() => heading(auth)).toBe('Sign in')
    const withPasskey = auth.getByRole('button', { name: 'Sign in with a passkey' })
    await eventually(() => withPasskey.isVisible()).toBe(true)
    await check(page, 'sign-in view with passkeys')
    const countBefore = (await stored())[0]?.signCount ?? 0
    await presence(true)
    await withPasskey.click()
    await eventually(() => heading(auth)).toBe('Signed in as Ada Lovelace')
    // The authenticator signed, and the server took its counter.
    expect((await stored())[0]?.signCount).toBeGreaterThan(countBefore)
    const sessions = async () =>
      (await h.call<{ sessions: unknown[] }>('GET', '/v1/auth/sessions', undefined, ada.token))
        .sessions.length
    expect(await sessions()).toBe(2)

    // Conditional UI: signed out again, the passkey offered in the autofill is picked (the
    // virtual authenticator answers at once, as a member choosing it would) and signs in with
    // no click on the page.
    const countAfterButton = (await stored())[0]?.signCount ?? 0
    await auth.getByRole('button', { name: 'Sign out' }).click()
    await eventually(async () => (await stored())[0]?.signCount).toBeGreaterThan(countAfterButton)
    await eventually(() => heading(auth)).toBe('Signed in as Ada Lovelace')
    await eventually(() => sessions()).toBe(2)

    // Removed: the password is still a way in, so the last passkey may go.
    await auth.getByRole('button', { name: 'Remove: Ada’s laptop' }).click()
    await eventually(() => names.count()).toBe(0)
    const after = await h.call<{ passkeys: unknown[] }>(
      'GET',
      '/v1/auth/passkeys',
      undefined,
      ada.token,
    )
    expect(after.passkeys).toEqual([])
    await check(page, 'account view, passkey removed')
  }, 180_000)
})
