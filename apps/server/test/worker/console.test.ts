import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromiumFor, launchChromium } from '../../../../test/support/chromium.ts'
import { createPasswordHasher } from '../../src/auth/password.ts'
import { insertOperator, newOperatorRow } from '../../src/operators/create-operator.ts'
import { grantRole } from '../../src/operators/queries.ts'
import { siteScope } from '../../src/sites/scope.ts'
import { createSite } from '../../src/sites/service.ts'
import { newTotpSecret } from '../../src/two-factor/totp.ts'
import { startWorkerHarness, type WorkerHarness, workerOrigin } from './worker-harness.ts'

// The owner console on the Worker build: the production bundle and its static assets in workerd
// (miniflare, D1), with Chromium as the operator's browser. Chromium asks for the deployment's
// https address and every request is handed to the Worker's fetch handler, as Cloudflare's edge
// would: so the page is a secure context, its `__Host-` cookie and the operator routes' Origin
// check work as deployed. Sign-in with a TOTP code, the inbox, and the site's settings, on D1
// (the console's requests are the owner API's, which the other Worker tests run on Turso too);
// apps/console/test/e2e runs every page on Node, from the same build.

const hasChromium = hasChromiumFor('the owner console on the Worker')
const password = 'lantern porch evening 42'

function totpCode(secret: string, ahead = 0) {
  const step = BigInt(Math.floor(Date.now() / 30_000) + ahead)
  return generateHOTP(decodeBase32IgnorePadding(secret), step, 6)
}

describe.skipIf(!hasChromium)('the owner console on the Worker build', () => {
  let w: WorkerHarness
  let context: BrowserContext
  let page: Page
  let closeBrowser: () => Promise<void>
  let site: Awaited<ReturnType<typeof createSite>>
  let totpSecret: string

  beforeAll(async () => {
    w = await startWorkerHarness({ database: 'd1' })
    site = await createSite(w.deps, { name: 'Bakery', origins: ['https://bakery.example'] })
    // An owner with two-factor sign-in on, made in the database as the CLI would.
    const hasher = createPasswordHasher({ maxConcurrent: 1 })
    const row = newOperatorRow(w.deps.clock, {
      email: 'ada@example.com',
      name: 'Ada Owner',
      passwordHash: await hasher.hash(password),
      admin: true,
    })
    totpSecret = newTotpSecret()
    await w.deps.db.batch([
      insertOperator(w.deps.db, { ...row, totpSecret, totpEnabledAt: row.createdAt }),
      grantRole(w.deps.db, siteScope(site.id), row.id, 'owner', row.createdAt),
    ])
    const owner = { Authorization: `Bearer ${site.secretKey}`, 'Content-Type': 'application/json' }
    await w.fetch('/v1/admin/forms', {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ id: 'order', name: 'Orders' }),
    })
    await w.fetch('/v1/forms/order/submissions', {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({ email: 'sam@example.com', message: 'Two loaves for Saturday' }),
    })

    const browser = await launchChromium()
    closeBrowser = () => browser.close()
    context = await browser.newContext()
    await context.route(`${workerOrigin}/**`, async (route) => {
      const request = route.request()
      const url = new URL(request.url())
      const body = request.postDataBuffer()
      const response = await w.fetch(`${url.pathname}${url.search}`, {
        method: request.method(),
        headers: await request.allHeaders(),
        ...(body && { body }),
        redirect: 'manual',
      })
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') headers[name] = value
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length) headers['set-cookie'] = cookies.join('\n')
      await route.fulfill({
        status: response.status,
        headers,
        body: Buffer.from(await response.arrayBuffer()),
      })
    })
    page = await context.newPage()
  }, 240_000)

  afterAll(async () => {
    await context?.close()
    await closeBrowser?.()
    await w?.close()
  })

  it('is served with its strict policy, and signs an owner in with a TOTP code', async () => {
    const answer = await page.goto(`${workerOrigin}/console/`)
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'")
    expect(answer?.headers()['cache-control']).toBe('no-store')
    await expect.poll(() => page.url()).toContain('/console/sign-in')
    await page.getByLabel('Email').fill('ada@example.com')
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByLabel('Code', { exact: true }).fill(totpCode(totpSecret))
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.getByRole('heading', { level: 1, name: 'Overview: Bakery' }).waitFor()
    const cookies = await context.cookies(workerOrigin)
    expect(cookies.map((c) => c.name)).toContain('__Host-porchlight_operator')
  })

  it('reads the inbox and archives a submission', async () => {
    await page.goto(`${workerOrigin}/console/sites/${site.id}/inbox`)
    await page.getByRole('link', { name: /sam@example\.com/ }).click()
    await page.locator('.submission-detail').getByText('Two loaves for Saturday').waitFor()
    await page.keyboard.press('e')
    await page.getByText('Archived.').waitFor()
    const rows = await w.query<{ status: string }>('SELECT status FROM submissions')
    expect(rows).toEqual([{ status: 'archived' }])
  })

  it('renames the site in its settings, and the audit log shows it', async () => {
    await page.goto(`${workerOrigin}/console/sites/${site.id}/settings`)
    await page.getByLabel('Site name').fill('Corner Bakery')
    await page.getByRole('button', { name: 'Save name' }).click()
    await page.getByText('Site renamed.').waitFor()
    const [stored] = await w.query<{ name: string }>('SELECT name FROM sites WHERE id = ?', site.id)
    expect(stored?.name).toBe('Corner Bakery')

    await page.goto(`${workerOrigin}/console/sites/${site.id}/settings/audit`)
    const log = page.getByRole('table')
    await log.getByText('ada@example.com').first().waitFor()
    expect(await log.textContent()).toContain('PATCH /v1/admin/site')
  })
})
