// <porchlight-auth> with "Sign in with …", in Chromium against the real server and a real
// OpenID provider (oidc-provider on 127.0.0.1): the "Continue with …" button, the provider's
// pages, the callback, and the page finishing the sign-in from its URL; then, signed in, the
// provider listed with "Unlink", refused while it is the only way in. Each state passes axe-core
// with no serious or critical violation.
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAudit } from '../../../../test/support/axe.ts'
import {
  eventually,
  type Harness,
  hasChromium,
  heading,
  startHarness,
  status,
} from '../browser/harness.ts'
import { startTestOidcProvider, type TestOidcProvider } from './oidc-provider.ts'

describe.skipIf(!hasChromium)('<porchlight-auth> with a sign-in provider, in Chromium', () => {
  let h: Harness
  let idp: TestOidcProvider
  let publicUrl: string
  const audit = createAudit()
  const failures: string[] = []
  const check = async (page: Page, state: string) => {
    failures.push(...(await audit.check(page, state)))
  }

  beforeAll(async () => {
    h = await startHarness()
    // The server's PUBLIC_URL (the default, on a port it does not listen on here): the callback
    // registered at the provider. The page's requests to it are passed on to the server below.
    publicUrl = h.server.deps.config.publicUrl
    idp = await startTestOidcProvider({ redirectUri: `${publicUrl}/v1/auth/oauth/callback` })
    await h.owner('PUT', '/v1/admin/sign-in-providers/corp', {
      kind: 'oidc',
      displayName: 'Corp SSO',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
    })
  }, 120_000)
  afterEach(async () => {
    await h?.closePages()
    expect(failures.splice(0)).toEqual([])
  })
  afterAll(async () => {
    await h?.close()
    await idp?.close()
  })

  /** A page whose requests to PUBLIC_URL reach the server where it really listens. */
  async function sitePage() {
    const page = await h.page()
    await page.route(`${publicUrl}/**`, async (route) => {
      const url = route.request().url().replace(publicUrl, h.server.url)
      await route.fulfill({ response: await route.fetch({ url, maxRedirects: 0 }) })
    })
    return page
  }

  it('signs a new member in with "Continue with …", and keeps their only way in', async () => {
    idp.accounts.set('sub-ada', { email: 'ada@example.com', emailVerified: true, name: 'Ada L' })
    idp.signInAs('sub-ada')
    const page = await sitePage()
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')
    const button = auth.getByRole('button', { name: 'Continue with Corp SSO' })
    await button.waitFor()
    await check(page, 'sign-in form with a provider')
    await button.click()

    await eventually(() => heading(auth)).toBe('Signed in as Ada L')
    // The grant left the address bar at once.
    expect(page.url()).toBe(h.demo('members.html'))
    await auth.getByRole('button', { name: 'Unlink Corp SSO' }).click()
    // LAST_SIGN_IN_METHOD, in the embed's words or the server's.
    await eventually(() => status(auth)).toMatch(/only way to sign in/)
    expect(await auth.getByRole('button', { name: 'Unlink Corp SSO' }).count()).toBe(1)
    await check(page, 'account view with a linked provider')
  }, 120_000)

  it('tells the member when they cancelled at the provider', async () => {
    idp.signInAs(null)
    const page = await sitePage()
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')
    await auth.getByRole('button', { name: 'Continue with Corp SSO' }).click()
    await eventually(() => status(auth)).toBe('Signing in was cancelled.')
    expect(await heading(auth)).toBe('Sign in')
    expect(page.url()).toBe(h.demo('members.html'))
  }, 120_000)
})
