// The server's own pages pass axe-core (WCAG 2.x A and AA, and best practices) with no serious or
// critical violation, in light and dark, at 390 px and at a desktop's width: the landing page, the
// API reference, /dev/mail, the contact form's pages for plain HTML posts, the unsubscribe pages,
// and the demo's page for a database without a site. Moderate findings are printed, not failed.
// (The demo pages and their components: accessibility-demo.test.ts.)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { auditPage, createAudit } from '../../../../test/support/axe.ts'
import { loadConfig } from '../../src/config.ts'
import { type NodeServer, startNodeServer } from '../../src/entry/node.ts'
import { unsubscribeToken } from '../../src/forum/unsubscribe.ts'
import { fileAssets } from '../../src/pages/file-assets.ts'
import { createDemoSite } from '../../src/sites/demo-site.ts'
import { memoryLogger } from '../helpers/app.ts'
import { rows } from '../helpers/http.ts'
import { type Harness, hasChromium, type Member, startHarness } from './harness.ts'

describe.skipIf(!hasChromium)('accessibility of the server’s pages', () => {
  let h: Harness
  let ada: Member
  let threadId: string
  const audit = createAudit()

  beforeAll(async () => {
    h = await startHarness()
    ada = await h.member('Ada Lovelace', 'ada@example.com')
    threadId = (
      await h.call<{ id: string }>(
        'POST',
        '/v1/forum/threads',
        { category: 'general', title: 'Ferns for a shady wall', body: 'Which ferns?' },
        ada.token,
      )
    ).id
  }, 120_000)
  afterEach(async () => {
    await h?.closePages()
  })
  afterAll(async () => {
    const notes = audit.notes()
    if (notes.length)
      console.info(
        `Findings that do not fail (moderate, minor, needs review):\n${notes.join('\n')}`,
      )
    await h?.close()
  })

  it('checks under each page’s own Content-Security-Policy, which refuses an injected script', async () => {
    const page = await h.page()
    await page.goto(`${h.server.url}/`)
    // A <script> tag is what the policy stops, so the audit does not come in that way…
    await expect(page.addScriptTag({ content: 'window.injected = true' })).rejects.toThrow()
    expect(await page.evaluate(() => 'injected' in window)).toBe(false)
    // …but through DevTools, and it does run and find things: a nameless button fails.
    await page.evaluate(() => document.body.append(document.createElement('button')))
    expect((await auditPage(page)).map((v) => v.rule)).toContain('button-name')
  })

  it('the landing page', async () => {
    const page = await h.page()
    await page.goto(`${h.server.url}/`)
    expect(await audit.check(page, 'landing page')).toEqual([])
  })

  it('the API reference, its list and an operation opened', async () => {
    const page = await h.page()
    await page.goto(`${h.server.url}/docs/api`)
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 })
    const failures = await audit.check(page, 'API reference')
    // An operation with parameters, a request body and examples, and a schema, opened.
    await page
      .locator('#operations-Contact_forms-postV1FormsByFormIdSubmissions button')
      .first()
      .click()
    await page.locator('.opblock-body .highlight-code').first().waitFor()
    await page.locator('.models .json-schema-2020-12-expand-deep-button').first().click()
    failures.push(...(await audit.check(page, 'API reference, opened')))
    expect(failures).toEqual([])
  }, 120_000)

  /** Opens the demo contact page as a browser without the script tag sees it. */
  async function contactWithoutScript(page: Page) {
    await page.route('**/embed.js', (route) => route.abort())
    await page.goto(h.demo('contact.html'))
    // Without `_next`, the server shows its own thank-you page.
    await page.locator('input[name=_next]').evaluate((input) => input.remove())
    await page.fill('#name', 'Ada Lovelace')
    await page.fill('#message', 'Sent without JavaScript')
  }

  it('the contact form’s thank-you and error pages for plain HTML posts', async () => {
    const page = await h.page()
    await contactWithoutScript(page)
    await page.fill('#email', 'ada@example.com')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/thanks\?/)
    expect(await page.textContent('h1')).toBe('Thank you')
    const failures = await audit.check(page, 'contact thank-you page')

    await contactWithoutScript(page)
    await page.fill('#email', 'ada@localhost') // the browser takes it; the server does not
    await page.click('button[type=submit]')
    await page.waitForURL(/\/submissions\?/)
    expect(await page.textContent('h1')).toBe('The form could not be sent')
    failures.push(...(await audit.check(page, 'contact error page')))
    expect(failures).toEqual([])
  }, 60_000)

  it('the unsubscribe page and its confirmation', async () => {
    // The link a digest email carries, signed with the site's secret.
    const [site] = await rows(
      h.server.deps.client,
      'SELECT signing_secret FROM sites WHERE id = ?',
      h.site.id,
    )
    const token = unsubscribeToken(String(site?.signing_secret), {
      siteId: h.site.id,
      memberId: ada.id,
      scope: `thread:${threadId}`,
    })
    const page = await h.page()
    await page.goto(`${h.server.url}/v1/notifications/unsubscribe?token=${token}`)
    const failures = await audit.check(page, 'unsubscribe page')
    await page.getByRole('button', { name: 'Unsubscribe' }).click()
    await page.getByRole('heading', { name: 'Unsubscribed' }).waitFor()
    failures.push(...(await audit.check(page, 'unsubscribed page')))
    expect(failures).toEqual([])
  }, 60_000)

  describe('on a development server with the dev mail transport', () => {
    let dir: string
    let server: NodeServer

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'porchlight-a11y-'))
      const env = { DATABASE_URL: `file:${join(dir, 'porchlight.db')}`, MAIL_TRANSPORT: 'dev' }
      server = await startNodeServer({
        config: { ...loadConfig(env), port: 0 },
        log: memoryLogger(),
        assets: fileAssets(),
      })
    }, 60_000)
    afterAll(async () => {
      await server?.close()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    it('/dev/mail empty and with messages, and the demo before there is a site', async () => {
      const page = await h.page()
      await page.goto(`${server.url}/dev/mail`)
      const failures = await audit.check(page, '/dev/mail, empty')
      await page.goto(`${server.url}/demo/`)
      expect(await page.textContent('h1')).toBe('The demo needs a site')
      failures.push(...(await audit.check(page, 'demo without a site')))

      // A verification email and a password reset email, as a member's sign-up sends them.
      const site = await createDemoSite(server.deps, server.url)
      const headers = {
        'Content-Type': 'application/json',
        'X-Porchlight-Key': site.publishableKey,
      }
      const email = 'grace@example.com'
      for (const [path, body] of [
        [
          '/v1/auth/register',
          { email, password: 'lantern porch evening 1906', displayName: 'Grace' },
        ],
        ['/v1/auth/password-reset/request', { email }],
      ] as const) {
        const response = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
        })
        expect(response.status, path).toBeLessThan(300)
      }
      await expect.poll(() => server.deps.devMail?.messages().length, { timeout: 20_000 }).toBe(2)
      await page.goto(`${server.url}/dev/mail`)
      await page.locator('article').nth(1).waitFor()
      failures.push(...(await audit.check(page, '/dev/mail, two messages')))
      // Their HTML parts, shown there in frames no auditor may enter (sandboxed, scripts off),
      // and in members' mail programs: audited on their own.
      for (const mail of server.deps.devMail?.messages() ?? []) {
        await page.setContent(mail.html)
        failures.push(...(await audit.check(page, `email "${mail.subject}"`)))
      }
      expect(failures).toEqual([])
    }, 60_000)
  })
})
