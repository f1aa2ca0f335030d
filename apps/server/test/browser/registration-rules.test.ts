// The password rules before the first try (issue 15, item 9): the demo's registration form, the
// embed's <porchlight-auth>, said "Use at least 12 characters." only after a refused submit. The
// rules now sit under the password field from the start, tied to it for screen readers; and
// what the server then says of a refused password still comes beside the same field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, hasChromium, startHarness } from './harness.ts'

describe.skipIf(!hasChromium)('the demo’s registration form, in Chromium', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  }, 60_000)
  afterAll(() => h?.close())

  it('shows the password rules before anything is sent', async () => {
    const page = await h.page()
    const requests: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') requests.push(request.url())
    })
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')
    await auth.getByRole('button', { name: 'Create an account' }).click()

    const password = auth.getByLabel('Password')
    await expect.poll(() => password.isVisible()).toBe(true)
    // Described by the rules: what a screen reader says on entering the field.
    const describedBy = await password.getAttribute('aria-describedby')
    expect(describedBy).toBe('password-hint')
    expect(await auth.locator(`#${describedBy}`).textContent()).toBe(
      'At least 12 characters, and not a common password.',
    )
    expect(requests).toEqual([])

    // A password the rules name is still refused by the server, beside the field.
    await auth.getByLabel('Name').fill('Ann')
    await auth.getByLabel('Email').fill('ann@example.com')
    await password.fill('1qaz2wsx3edc') // 12 characters, and in the list
    await auth.getByRole('button', { name: 'Create an account' }).last().click()
    await expect.poll(() => password.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true')
    const note = await password.getAttribute('aria-describedby')
    expect(await auth.locator(`[id="${note?.split(' ').at(-1)}"]`).textContent()).toMatch(
      /^This is one of the most common passwords/,
    )
  }, 60_000)

  it('the sign-in form, for an existing password, shows no rules', async () => {
    const page = await h.page()
    await page.goto(h.demo('members.html'))
    const password = page.locator('porchlight-auth').getByLabel('Password')
    await expect.poll(() => password.isVisible()).toBe(true)
    expect(await password.getAttribute('aria-describedby')).toBeNull()
  }, 60_000)
})
