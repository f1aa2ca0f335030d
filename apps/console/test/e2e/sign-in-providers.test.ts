// The site's sign-in providers in the console, in Chromium against the real server: an owner
// adds GitHub through the dialog, sees the callback URL to register, changes the button's name
// without retyping the secret (it stays set, and is never shown), and removes it. The dialog and
// the list pass axe-core with no serious or critical violation.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAudit } from '../../../../test/support/axe.ts'
import {
  type ConsoleHarness,
  hasChromium,
  signInOnPage,
  startConsoleHarness,
} from '../support/console-harness.ts'

describe.skipIf(!hasChromium)('sign-in providers in the console', () => {
  let h: ConsoleHarness
  let page: Page
  const audit = createAudit()

  beforeAll(async () => {
    h = await startConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
    await h.createOperator({ email: 'ada@example.com', name: 'Ada Owner' })
    page = await h.page()
  }, 120_000)
  afterAll(async () => {
    await h?.close()
  })

  type Stored = { providers: { id: string; displayName: string; clientSecretSet: boolean }[] }
  const stored = () =>
    h.owner<Stored & { callbackUrl: string }>('GET', '/v1/admin/sign-in-providers')

  it('adds, renames and removes a provider', { timeout: 90_000 }, async () => {
    await signInOnPage(page, h, 'ada@example.com')
    await page.goto(h.consoleUrl(`sites/${h.site.id}/settings/membership`))
    const section = page.getByRole('region', { name: 'Sign-in providers' })
    const { callbackUrl } = await stored()
    await expect.poll(() => section.getByText(callbackUrl).count()).toBe(1)
    await expect.poll(() => section.getByText('No sign-in providers yet.').count()).toBe(1)

    await section.getByRole('button', { name: 'Add a provider' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a provider' })
    await dialog.getByLabel('Id', { exact: true }).fill('github')
    await dialog.getByLabel('Client ID', { exact: true }).fill('Iv1.0123')
    await dialog.getByLabel('Client secret').fill('the-client-secret')
    expect(await audit.check(page, 'adding a sign-in provider')).toEqual([])
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    const row = section.getByRole('row', { name: /GitHub/ })
    await expect.poll(() => row.textContent()).toContain('Set')
    expect(await stored()).toMatchObject({
      providers: [{ id: 'github', displayName: 'GitHub', clientSecretSet: true }],
    })
    expect(await page.content()).not.toContain('the-client-secret')
    expect(await audit.check(page, 'sign-in providers listed')).toEqual([])

    await section.getByRole('button', { name: 'Edit GitHub' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit GitHub' })
    expect(await edit.getByLabel('Client secret').inputValue()).toBe('')
    await edit.getByLabel('Button name').fill('GitHub (staff)')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => edit.count()).toBe(0)
    expect(await stored()).toMatchObject({
      providers: [{ id: 'github', displayName: 'GitHub (staff)', clientSecretSet: true }],
    })

    await section.getByRole('button', { name: 'Remove GitHub (staff)' }).click()
    await page
      .getByRole('dialog', { name: 'Remove GitHub (staff)' })
      .getByRole('button', { name: 'Remove GitHub (staff)' })
      .click()
    await expect.poll(async () => (await stored()).providers).toEqual([])
    await expect.poll(() => section.getByText('No sign-in providers yet.').count()).toBe(1)
  })

  it('refuses a provider missing what it needs, naming the field', {
    timeout: 60_000,
  }, async () => {
    await page.goto(h.consoleUrl(`sites/${h.site.id}/settings/membership`))
    const section = page.getByRole('region', { name: 'Sign-in providers' })
    await section.getByRole('button', { name: 'Add a provider' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a provider' })
    await dialog.getByLabel('Id', { exact: true }).fill('google')
    await dialog.getByLabel('Provider', { exact: true }).selectOption('google')
    await dialog.getByLabel('Client ID', { exact: true }).fill('x.apps.googleusercontent.com')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => dialog.getByText('Required.').count()).toBe(1)
    expect((await stored()).providers).toEqual([])
  })
})
