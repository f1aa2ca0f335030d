// Sign-in links in a real browser against the real server: tabs of one Chromium profile share
// localStorage, and so the one browser key the SDK keeps there; another profile is another
// browser, with a key of its own.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executablePath, hasChromiumFor, launchChromium } from '../../../test/support/chromium.ts'
import { buildPageScript, sdkPage } from './page-script.ts'
import { type RealServer, startRealServer } from './real-server.ts'
import type { MembersScene } from './scene.ts'

const hasChromium = hasChromiumFor("the SDK's sign-in link browser tests")

describe.skipIf(!hasChromium)(`sign-in links in Chromium (${executablePath})`, () => {
  let real: RealServer
  let server: MembersScene
  let browser: Browser
  let laptop: BrowserContext

  beforeAll(async () => {
    const sdk = await buildPageScript()
    real = await startRealServer()
    server = await real.membersScene({
      authSettings: { emailLinkSignIn: true },
      pages: sdkPage(sdk),
    })
    await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    await server.addMember({ email: 'bo@example.com', displayName: 'Bo' })
    browser = await launchChromium()
    laptop = await browser.newContext()
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await real?.close()
  })

  /** A new tab of `profile` showing the site, with the SDK loaded. */
  async function tab(profile: BrowserContext): Promise<Page> {
    const page = await profile.newPage()
    await page.goto(`${server.url}/`)
    return page
  }

  const ask = (page: Page, email: string) =>
    page.evaluate(
      ({ key, email }) =>
        Porchlight.createAuth({ url: location.origin, key }).sendSignInLink(email),
      { key: server.key, email },
    )

  /** Opens a link as the page it points to would: the account signed in, or the error's code. */
  const open = (page: Page, token: string) =>
    page.evaluate(
      async ({ key, token }) => {
        const auth = Porchlight.createAuth({ url: location.origin, key })
        return auth.signInWithLink(token).then(
          (account) => account.email,
          (error: { code: string }) => error.code,
        )
      },
      { key: server.key, token },
    )

  // Regression: every link asked for replaced the key kept for the last one in localStorage, so
  // of two links asked for in two tabs, the first answered SIGN_IN_LINK_OTHER_BROWSER.
  it('links asked for in two tabs both sign in, each in a new tab; not in another browser', async () => {
    await ask(await tab(laptop), 'ada@example.com')
    const ada = await server.lastMail('ada@example.com')
    await ask(await tab(laptop), 'bo@example.com')
    const bo = await server.lastMail('bo@example.com')

    const phone = await browser.newContext()
    const phoneTab = await tab(phone)
    await ask(phoneTab, 'ada@example.com') // so it holds a key of its own
    expect(await open(phoneTab, ada?.token ?? '')).toBe('SIGN_IN_LINK_OTHER_BROWSER')
    expect(await open(phoneTab, bo?.token ?? '')).toBe('SIGN_IN_LINK_OTHER_BROWSER')
    await phone.close()

    expect(await open(await tab(laptop), ada?.token ?? '')).toBe('ada@example.com')
    expect(await open(await tab(laptop), bo?.token ?? '')).toBe('bo@example.com')
  })
})
