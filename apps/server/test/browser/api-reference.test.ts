import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromiumFor, launchChromium } from '../../../../test/support/chromium.ts'
import { loadConfig } from '../../src/config.ts'
import { type NodeServer, startNodeServer } from '../../src/entry/node.ts'
import { memoryLogger } from '../helpers/app.ts'
import { screenshots } from './harness.ts'

// The API reference as a reader opens it: the Node server from this checkout (the renderer from
// node_modules, the document from the routes), in Chromium, with every request that would leave
// 127.0.0.1 refused, so the page proves it needs no network and no CDN.

let server: NodeServer
let browser: Browser
let dir: string
let operations: number

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-reference-'))
  const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'porchlight.db')}` })
  server = await startNodeServer({ config: { ...config, port: 0 }, log: memoryLogger() })
  const document = await (await fetch(`${server.url}/v1/openapi.json`)).json()
  operations = Object.values(document.paths as Record<string, object>).reduce(
    (sum, item) => sum + Object.keys(item).length,
    0,
  )
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

type Visit = {
  page: Page
  /** Requests to anywhere but this server, refused. */
  outside: string[]
  /** Content-Security-Policy violations, script errors and console errors. */
  problems: string[]
}

async function visit(colorScheme: 'light' | 'dark'): Promise<Visit> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const outside: string[] = []
  const problems: string[] = []
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.origin === new URL(server.url).origin) return route.continue()
    outside.push(url.href)
    return route.abort()
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP: ${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  await page.goto(`${server.url}/docs/api`)
  await page.locator('.opblock').first().waitFor({ timeout: 30_000 })
  return { page, outside, problems }
}

describe.skipIf(!hasChromiumFor('the API reference page test'))('/docs/api in a browser', () => {
  it('renders every operation of /v1/openapi.json, offline, within its CSP', async () => {
    const { page, outside, problems } = await visit('light')
    // The renderer draws a long document's operations as they come into view (past about 134
    // of them it stops drawing the whole list at once): a window as tall as the page shows all.
    await page.setViewportSize({ width: 1280, height: 40_000 })
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBe(operations)
    expect(await page.locator('.info .title').textContent()).toContain('Porchlight API')
    // An operation as a reader finds it: its path and summary.
    const rotate = page.locator('.opblock', { hasText: '/v1/admin/publishable-key/rotate' })
    await expect.poll(() => rotate.textContent()).toContain('Rotate the publishable key')
    // Opened, an operation lists each answer with its codes.
    const revoke = page.locator('.opblock-delete', { hasText: '/v1/admin/keys/{id}' })
    await revoke.locator('.opblock-summary-control').click()
    await expect
      .poll(() => revoke.locator('.responses-table').textContent())
      .toContain('LAST_SECRET_KEY')
    // Read-only: nothing to send requests from a page with keys pasted into it.
    expect(await page.locator('.try-out__btn').count()).toBe(0)
    expect(outside).toEqual([])
    expect(problems).toEqual([])
    await page.screenshot({ path: join(screenshots, 'api-reference-light.png') })
  }, 60_000)

  it('follows the reader’s dark colour scheme', async () => {
    const light = await visit('light')
    const dark = await visit('dark')
    const looks = (page: Page) =>
      page.evaluate(() => ({
        dark: document.documentElement.classList.contains('dark-mode'),
        background: getComputedStyle(document.querySelector('.swagger-ui') as Element)
          .backgroundColor,
      }))
    const lightLooks = await looks(light.page)
    const darkLooks = await looks(dark.page)
    expect(lightLooks.dark).toBe(false)
    expect(darkLooks.dark).toBe(true)
    expect(darkLooks.background).not.toBe(lightLooks.background)
    // Dark means a dark background: each channel well under half.
    const channels = darkLooks.background.match(/\d+/g)?.slice(0, 3).map(Number) ?? []
    expect(
      channels.every((value) => value < 80),
      darkLooks.background,
    ).toBe(true)
    expect(dark.outside).toEqual([])
    expect(dark.problems).toEqual([])
    await dark.page.screenshot({ path: join(screenshots, 'api-reference-dark.png') })
  }, 60_000)
})
