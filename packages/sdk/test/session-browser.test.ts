// Sessions in a real browser against the real server: two tabs of one origin sharing
// localStorage (and its `storage` events), and cookie sessions with a real HttpOnly cookie jar.
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executablePath, hasChromiumFor, launchChromium } from '../../../test/support/chromium.ts'
import { buildPageScript, sdkPage } from './page-script.ts'
import { type RealServer, startRealServer } from './real-server.ts'
import { cookieName, type MembersScene, memberPassword as password } from './scene.ts'

/** What each tab keeps on `window` in these tests. */
type Tab = { auth: import('../src/index.ts').Auth; heard: (string | null)[] }

const hasChromium = hasChromiumFor("the SDK's session browser tests")

describe.skipIf(!hasChromium)(`sessions in Chromium (${executablePath})`, () => {
  let real: RealServer
  let server: MembersScene
  let key: string
  let browser: Browser
  let context: BrowserContext

  beforeAll(async () => {
    const sdk = await buildPageScript()
    // Page and API share an origin, as a site serving the API from its own domain would.
    real = await startRealServer()
    server = await real.membersScene({
      pages: sdkPage(sdk),
    })
    key = server.key
    await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    browser = await launchChromium()
    context = await browser.newContext()
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await real?.close()
  })

  it('a sign-in and a sign-out in one tab reach the other through localStorage', async () => {
    const [tabA, tabB] = [await context.newPage(), await context.newPage()]
    for (const tab of [tabA, tabB]) {
      await tab.goto(`${server.url}/`)
      await tab.evaluate((key) => {
        const w = window as unknown as Tab
        w.auth = Porchlight.createAuth({ url: location.origin, key })
        w.heard = []
        w.auth.onChange((user) => w.heard.push(user?.email ?? null))
      }, key)
    }

    await tabA.evaluate(
      (password) => (window as unknown as Tab).auth.login({ email: 'ada@example.com', password }),
      password,
    )
    await tabB.waitForFunction(() => (window as unknown as Tab).heard.length === 1)
    expect(await tabB.evaluate(() => (window as unknown as Tab).auth.user?.email)).toBe(
      'ada@example.com',
    )
    // Tab B uses the session tab A made.
    expect(
      await tabB.evaluate(
        async () => (await (window as unknown as Tab).auth.getSession())?.account.email,
      ),
    ).toBe('ada@example.com')

    await tabA.evaluate(() => (window as unknown as Tab).auth.logout())
    await tabB.waitForFunction(() => (window as unknown as Tab).heard.length === 2)
    expect(await tabB.evaluate(() => (window as unknown as Tab).heard)).toEqual([
      'ada@example.com',
      null,
    ])
    expect(await tabB.evaluate(() => (window as unknown as Tab).auth.user)).toBeNull()
    await tabA.close()
    await tabB.close()
  })

  it('cookie sessions: an HttpOnly cookie page scripts cannot read, and no token stored', async () => {
    const tab = await context.newPage()
    await tab.goto(`${server.url}/`)
    const seen = await tab.evaluate(
      async ({ key, password }) => {
        const auth = Porchlight.createAuth({ url: location.origin, key, session: 'cookie' })
        await auth.login({ email: 'ada@example.com', password })
        const afterLogin = {
          documentCookie: document.cookie,
          stored: localStorage.getItem(`porchlight:${key}:session`),
          session: (await auth.getSession())?.session.transport,
        }
        await auth.logout()
        return { ...afterLogin, afterLogout: await auth.getSession() }
      },
      { key, password },
    )
    expect(seen.documentCookie).not.toContain(cookieName)
    expect(JSON.parse(seen.stored ?? '{}')).not.toHaveProperty('token')
    expect(seen.session).toBe('cookie')
    expect(seen.afterLogout).toBeNull()
    expect((await context.cookies()).map((c) => c.name)).not.toContain(cookieName)
    await tab.close()
  })
})
