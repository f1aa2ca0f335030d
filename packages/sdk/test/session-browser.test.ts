// Sessions in a real browser: two tabs of one origin sharing localStorage (and its `storage`
// events), and cookie sessions with a real HttpOnly cookie jar.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { type Browser, type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookieName, key, startApiServer } from './api-server.ts'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const root = fileURLToPath(new URL('..', import.meta.url))
const password = 'correct horse battery'

/** What each tab keeps on `window` in these tests. */
type Tab = { auth: import('../src/index.ts').Auth; heard: (string | null)[] }

if (process.env.CI && !existsSync(executablePath))
  throw new Error(`Chromium is missing at ${executablePath}`)

describe.skipIf(!existsSync(executablePath))(`sessions in Chromium (${executablePath})`, () => {
  let server: Awaited<ReturnType<typeof startApiServer>>
  let browser: Browser
  let context: BrowserContext

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: ['src/index.ts'],
      absWorkingDir: root,
      bundle: true,
      format: 'iife',
      globalName: 'Porchlight',
      write: false,
    })
    const sdk = bundle.outputFiles[0]?.text ?? ''
    // Page and API share an origin, as a site serving the API from its own domain would.
    server = await startApiServer({
      route: (req, res) => {
        if (req.url === '/') {
          res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script src="/sdk.js"></script>')
        } else if (req.url === '/sdk.js') {
          res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(sdk)
        } else if (req.url === '/favicon.ico') res.writeHead(404).end()
        else return false
        return true
      },
    })
    server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    context = await browser.newContext()
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
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
