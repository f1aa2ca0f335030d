// The built example app in Chromium, served by `vite preview`, against the real Porchlight server
// on a socket: the steps its README gives a developer, then what a visitor and a member do.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type PreviewServer, preview } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../apps/server/src/config.ts'
import { createForm } from '../../../apps/server/src/contact/forms.ts'
import { formSettingsSchema } from '../../../apps/server/src/contact/schemas.ts'
import { type NodeServer, startNodeServer } from '../../../apps/server/src/entry/node.ts'
import { createLogger } from '../../../apps/server/src/logger.ts'
import { siteScope } from '../../../apps/server/src/sites/scope.ts'
import { addOrigin, createSite } from '../../../apps/server/src/sites/service.ts'
import { executablePath, hasChromiumFor, launchChromium } from '../../../test/support/chromium.ts'
import { appRoot, buildApp } from './build-app.ts'

describe.skipIf(!hasChromiumFor("the example app's browser tests"))(
  `the example app in Chromium (${executablePath})`,
  () => {
    let dir: string
    let dataDir: string
    let server: NodeServer
    let app: PreviewServer
    let appUrl: string
    let browser: Browser
    let contexts: BrowserContext[] = []
    let secretKey: string

    beforeAll(async () => {
      // The Porchlight server, as `npm start` runs it, on a fresh database. The site is made with
      // the server's own functions, as the CLI makes it (`porchlight site create`).
      dataDir = mkdtempSync(join(tmpdir(), 'porchlight-example-app-db-'))
      const env = { DATABASE_URL: `file:${join(dataDir, 'porchlight.db')}`, DEMO_PAGES: 'false' }
      server = await startNodeServer({
        config: { ...loadConfig(env), port: 0 },
        log: createLogger({ level: 'silent' }),
      })
      const site = await createSite(server.deps, { name: 'Example app', origins: [] })
      secretKey = site.secretKey
      await createForm({ ...server.deps, allowPrivateWebhooks: false }, siteScope(site.id), {
        id: 'contact',
        name: 'Contact',
        enabled: true,
        settings: formSettingsSchema.parse({
          fields: {
            name: { label: 'Name', maxLength: 200 },
            email: { type: 'email', required: true, label: 'Email' },
            message: { required: true, label: 'Message' },
          },
        }),
      })

      // The app built with the site's key in its .env, then served as `npm run preview` does.
      dir = await buildApp({
        VITE_PORCHLIGHT_URL: server.url,
        VITE_PORCHLIGHT_KEY: site.publishableKey,
      })
      app = await preview({
        root: appRoot,
        configFile: join(appRoot, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir: join(dir, 'dist') },
        preview: { host: '127.0.0.1', port: 0, strictPort: false },
      })
      appUrl = app.resolvedUrls?.local[0] ?? ''
      // `npx porchlight site origins add <the app's origin>`: the key works only from there.
      await addOrigin(server.deps, siteScope(site.id), new URL(appUrl).origin)

      browser = await launchChromium()
    })

    afterEach(async () => {
      await Promise.all(contexts.map((context) => context.close()))
      contexts = []
    })

    afterAll(async () => {
      await browser?.close()
      await app?.close()
      await server?.close()
      for (const folder of [dir, dataDir])
        if (folder) rmSync(folder, { recursive: true, force: true })
    })

    /** The app in a new browser profile: its own localStorage, so its own session. */
    async function openApp() {
      const context = await browser.newContext()
      contexts.push(context)
      const page = await context.newPage()
      await page.goto(appUrl)
      return page
    }

    /** What the owner does with the secret key, as the README shows with curl. */
    async function ownerApi(method: string, path: string, body: unknown) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true)
    }

    const query = async (sql: string) => (await server.deps.client.execute(sql)).rows

    it('sends the contact form: challenge solved in the page, stored as new', async () => {
      const page = await openApp()
      // The challenge is fetched and solved as soon as the visitor is in the form.
      const challenge = page.waitForResponse((r) => r.url().includes('/forms/contact/challenge'))
      await page.fill('#contact-name', 'Ada Lovelace')
      const focused = Date.now()
      expect((await challenge).status()).toBe(200)
      await page.fill('#contact-email', 'ada@example.com')
      await page.fill('#contact-message', 'Sent from the example app')
      // People take longer than the time trap's 3 seconds to write; so must this test.
      await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - focused)))
      await page.click('#contact-form button[type=submit]')

      await expect
        .poll(() => page.textContent('#contact-form [role=status]'), { timeout: 20_000 })
        .toBe('Thank you! Your message has been sent.')
      expect(await page.inputValue('#contact-message')).toBe('') // ready for another
      const [stored] = await query(
        "SELECT status, spam_reasons, email, data FROM submissions WHERE data LIKE '%example app%'",
      )
      expect(stored).toMatchObject({ status: 'new', spam_reasons: '[]', email: 'ada@example.com' })
      expect(JSON.parse(String(stored?.data))).toEqual({
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        message: 'Sent from the example app',
      })
    }, 60_000)

    it("marks a field the server refused with the server's message, and focuses it", async () => {
      const page = await openApp()
      await page.fill('#contact-email', 'ada@localhost') // the browser accepts it; the server not
      await page.fill('#contact-message', 'Hello')
      await page.click('#contact-form button[type=submit]')

      await expect
        .poll(() => page.getAttribute('#contact-email', 'aria-invalid'), { timeout: 20_000 })
        .toBe('true')
      const note = await page.getAttribute('#contact-email', 'aria-describedby')
      expect(await page.textContent(`#${note}`)).toBe('Must be an email address.')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-email')
      expect(await page.textContent('#contact-form [role=status]')).toBe(
        'Please correct the marked fields.',
      )
    }, 60_000)

    // Issue 15, item 9: the rules were only learned from a refusal.
    it('shows the password rules before the first try, and keeps them beside a refusal', async () => {
      const page = await openApp()
      const hint = 'At least 12 characters, and not a common password.'
      const rules = async () =>
        page.evaluate(() =>
          (document.querySelector('#register-password')?.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent?.trim()),
        )
      expect(await rules()).toEqual([hint])
      expect(await page.isVisible('#register-password-hint')).toBe(true)

      await page.fill('#register-name', 'Ann')
      await page.fill('#register-email', 'ann@example.com')
      await page.fill('#register-password', '1qaz2wsx3edc') // 12 characters, and in the list
      await page.click('#register-form button[type=submit]')
      await expect
        .poll(() => page.getAttribute('#register-password', 'aria-invalid'), { timeout: 20_000 })
        .toBe('true')
      expect(await rules()).toEqual([
        hint,
        'This is one of the most common passwords; choose one that is harder to guess.',
      ])
    }, 60_000)

    /** Registers, follows the emailed verification link, and signs in, all in the app. */
    async function signUpAndIn(page: Page, name: string, email: string) {
      const password = 'lantern porch evening 1906'
      await page.fill('#register-name', name)
      await page.fill('#register-email', email)
      await page.fill('#register-password', password)
      await page.click('#register-form button[type=submit]')
      await expect
        .poll(() => page.textContent('#register-form [role=status]'), { timeout: 20_000 })
        .toContain('Check your inbox')

      // The verification email, kept by the dev transport (as /dev/mail shows it).
      let link: string | undefined
      await expect
        .poll(() => {
          const mail = server.deps.devMail?.messages().find((m) => m.to.includes(email))
          link = mail?.text.match(/https?:\/\/\S+token=\S+/)?.[0]
          return link
        })
        .toBeDefined()
      await page.goto(link ?? '')
      await expect
        .poll(() => page.textContent('#account-status'), { timeout: 20_000 })
        .toBe('Your email address is verified.')
      expect(page.url()).toBe(appUrl) // the one-time token is gone from the address bar

      await page.fill('#login-email', email)
      await page.fill('#login-password', password)
      await page.click('#login-form button[type=submit]')
      await expect
        .poll(() => page.textContent('#account-summary'), { timeout: 20_000 })
        .toBe(`Signed in as ${name}`)
      expect(await page.isHidden('#resend-form')).toBe(true) // verified
    }

    const unread = (page: Page) => page.textContent('#unread .badge')

    it('members sign up by the emailed link, start a thread, reply, like, see notifications, sign out', async () => {
      // The README's owner steps: emailed links back to this app, and a category to post in.
      await ownerApi('PATCH', '/v1/admin/auth-settings', {
        linkTemplate: `${new URL(appUrl).origin}/?action={action}&token={token}`,
      })
      await ownerApi('POST', '/v1/admin/forum/categories', {
        slug: 'general',
        name: 'General',
        description: 'Anything goes',
      })

      const grace = await openApp()
      await signUpAndIn(grace, 'Grace', 'grace@example.com')
      await expect.poll(() => unread(grace)).toBe('0 unread notifications')
      await grace.locator('#discussions').getByRole('button', { name: 'General' }).click()
      await grace.fill('#new-thread-title', 'Ferns in the shade')
      await grace.fill('#new-thread-body', 'Which ones *thrive* there?')
      await grace.click('#new-thread button[type=submit]')
      await expect
        .poll(() => grace.textContent('#discussions h3'), { timeout: 20_000 })
        .toBe('Ferns in the shade')
      // The server's HTML, rendered from markdown; the focus on the new screen's heading.
      expect((await grace.innerHTML('.posts .post-body')).trim()).toBe(
        '<p>Which ones <em>thrive</em> there?</p>',
      )
      expect(await grace.evaluate(() => document.activeElement?.tagName)).toBe('H3')
      expect(await grace.isDisabled('.posts button.like')).toBe(true) // not one's own post

      const ada = await openApp()
      await signUpAndIn(ada, 'Ada', 'ada@example.com')
      await ada.locator('#discussions').getByRole('button', { name: 'General' }).click()
      await ada.getByRole('button', { name: 'Ferns in the shade' }).click()
      await ada.fill('#reply-body', 'Hart’s-tongue, for one.')
      await ada.click('#reply button[type=submit]')
      await expect
        .poll(() => ada.textContent('#reply [role=status]'), { timeout: 20_000 })
        .toBe('Reply posted.')
      expect(await ada.locator('.posts > li').count()).toBe(2)
      const like = ada.locator('.posts > li').first().locator('button.like')
      expect(await like.getAttribute('aria-pressed')).toBe('false')
      await like.click()
      await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true')
      expect(await like.textContent()).toBe('Like 1')

      const posts = await query(
        "SELECT p.number, p.like_count FROM posts p JOIN threads t ON t.id = p.thread_id WHERE t.title = 'Ferns in the shade' ORDER BY p.number",
      )
      expect(posts).toMatchObject([
        { number: 1, like_count: 1 },
        { number: 2, like_count: 0 },
      ])

      // Grace's page asks for the count at load (and every minute): the reply and the like.
      await grace.reload()
      await expect.poll(() => unread(grace), { timeout: 20_000 }).toBe('2 unread notifications')
      await grace.click('#unread button')
      await expect.poll(() => unread(grace)).toBe('0 unread notifications')

      await grace.locator('#discussions').getByRole('button', { name: 'General' }).click()
      await grace.getByRole('button', { name: 'Ferns in the shade' }).click()
      await grace.waitForSelector('#reply')
      await grace.click('#logout-form button[type=submit]')
      await expect.poll(() => grace.textContent('#account-summary')).toBe('Not signed in')
      expect(await grace.textContent('#account-status')).toBe('Signed out.')
      expect(await grace.isHidden('#unread')).toBe(true)
      // The screen is drawn again for a guest: no composer.
      expect(await grace.textContent('#discussions')).toContain('Sign in to reply.')
    }, 90_000)
  },
)
