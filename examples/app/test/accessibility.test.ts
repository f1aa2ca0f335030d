// The built example app passes axe-core (WCAG 2.x A and AA, and best practices) with no serious or
// critical violation, in light and dark, at 390 px and at a desktop's width, in the states a
// visitor and a member bring it to, against the real Porchlight server. Moderate findings are
// printed, not failed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { type PreviewServer, preview } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../apps/server/src/config.ts'
import { createForm } from '../../../apps/server/src/contact/forms.ts'
import { formSettingsSchema } from '../../../apps/server/src/contact/schemas.ts'
import { type NodeServer, startNodeServer } from '../../../apps/server/src/entry/node.ts'
import { createLogger } from '../../../apps/server/src/logger.ts'
import { siteScope } from '../../../apps/server/src/sites/scope.ts'
import { addOrigin, createSite } from '../../../apps/server/src/sites/service.ts'
import { createAudit } from '../../../test/support/axe.ts'
import { executablePath, hasChromiumFor, launchChromium } from '../../../test/support/chromium.ts'
import { appRoot, buildApp } from './build-app.ts'

describe.skipIf(!hasChromiumFor("the example app's accessibility test"))(
  `accessibility of the example app in Chromium (${executablePath})`,
  () => {
    let dir: string
    let dataDir: string
    let server: NodeServer
    let app: PreviewServer
    let appUrl: string
    let browser: Browser
    let secretKey: string
    const audit = createAudit()

    beforeAll(async () => {
      // As in browser.test.ts: the server as `npm start` runs it (mail kept by the dev
      // transport), a site with a contact form, and the app built with its key.
      dataDir = mkdtempSync(join(tmpdir(), 'porchlight-example-app-a11y-'))
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
      await addOrigin(server.deps, siteScope(site.id), new URL(appUrl).origin)
      browser = await launchChromium()
    }, 120_000)

    afterAll(async () => {
      const notes = audit.notes()
      if (notes.length)
        console.info(
          `Findings that do not fail (moderate, minor, needs review):\n${notes.join('\n')}`,
        )
      await browser?.close()
      await app?.close()
      await server?.close()
      for (const folder of [dir, dataDir])
        if (folder) rmSync(folder, { recursive: true, force: true })
    })

    async function ownerApi(method: string, path: string, body: unknown) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true)
    }

    const textOf = (page: Page, selector: string) => () => page.textContent(selector)
    const eventually = <T>(read: () => Promise<T>) =>
      expect.poll(read, { timeout: 20_000, interval: 100 })

    it('a visitor, a new member and a member in the discussions', async () => {
      const failures: string[] = []
      const check = async (page: Page, state: string) => {
        failures.push(...(await audit.check(page, state)))
      }
      const page = await (await browser.newContext()).newPage()
      await page.goto(appUrl)
      await eventually(textOf(page, '#discussions')).toContain('No categories yet')
      await check(page, 'signed out, no categories')

      await page.fill('#contact-email', 'ada@localhost') // the browser takes it; the server not
      await page.fill('#contact-message', 'Hello')
      await page.click('#contact-form button[type=submit]')
      await eventually(() => page.getAttribute('#contact-email', 'aria-invalid')).toBe('true')
      await check(page, 'contact, a field refused')
      await page.fill('#contact-email', 'ada@example.com')
      await page.click('#contact-form button[type=submit]')
      await eventually(textOf(page, '#contact-form [role=status]')).toBe(
        'Thank you! Your message has been sent.',
      )
      await check(page, 'contact, sent')

      // Registered, then back from the emailed link: verified, and signed in.
      await ownerApi('PATCH', '/v1/admin/auth-settings', {
        linkTemplate: `${new URL(appUrl).origin}/?action={action}&token={token}`,
      })
      await ownerApi('POST', '/v1/admin/forum/categories', {
        slug: 'general',
        name: 'General',
        description: 'Anything goes',
      })
      const email = 'grace@example.com'
      const password = 'lantern porch evening 1906'
      await page.fill('#register-name', 'Grace')
      await page.fill('#register-email', email)
      await page.fill('#register-password', password)
      await page.click('#register-form button[type=submit]')
      await eventually(textOf(page, '#register-form [role=status]')).toContain('Check your inbox')
      await check(page, 'registered')
      const link = server.deps.devMail
        ?.messages()
        .find((m) => m.to.includes(email))
        ?.text.match(/https?:\/\/\S+token=\S+/)?.[0]
      await page.goto(link ?? '')
      await eventually(textOf(page, '#account-status')).toBe('Your email address is verified.')
      await page.fill('#login-email', email)
      await page.fill('#login-password', password)
      await page.click('#login-form button[type=submit]')
      await eventually(textOf(page, '#account-summary')).toBe('Signed in as Grace')
      await check(page, 'signed in, categories')

      const discussions = page.locator('#discussions')
      await discussions.getByRole('button', { name: 'General' }).click()
      await page.locator('#new-thread').waitFor()
      await check(page, 'a category, no threads, the new-thread form')
      await page.fill('#new-thread-title', 'Ferns in the shade')
      await page.fill('#new-thread-body', 'Which ones *thrive* there?')
      await page.click('#new-thread button[type=submit]')
      await eventually(textOf(page, '#discussions h3')).toBe('Ferns in the shade')
      await page.fill('#reply-body', 'Hart’s-tongue, for one.')
      await page.click('#reply button[type=submit]')
      await eventually(textOf(page, '#reply [role=status]')).toBe('Reply posted.')
      await check(page, 'a thread with posts, the reply form')
      expect(failures).toEqual([])
    }, 180_000)
  },
)
