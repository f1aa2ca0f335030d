// What the browser tests against the real server share: the Node server on a socket over a temp
// libSQL file, a real SMTP server for the emails, one Chromium for the file, and the demo site
// `npm start` makes in an empty database (a contact form "contact", a "general" category,
// emailed links that open the demo members page). Members are made the way members are made:
// registered through the API and confirmed with the link from their email.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { buildEmbed } from '../../../../packages/embed/scripts/build.ts'
import { hasChromiumFor, launchChromium } from '../../../../test/support/chromium.ts'
import { loadConfig } from '../../src/config.ts'
import { type NodeServer, startNodeServer } from '../../src/entry/node.ts'
import type { StaticAssets } from '../../src/pages/assets.ts'
import { fileAssets } from '../../src/pages/file-assets.ts'
import { createDemoSite } from '../../src/sites/demo-site.ts'
import { memoryLogger } from '../helpers/app.ts'
import { type ReceivedMessage, startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts'

export const hasChromium = hasChromiumFor('the browser tests')
export const screenshots = fileURLToPath(
  new URL('../../test-results/screenshots/', import.meta.url),
)

export const password = 'correct horse battery staple'

export type Member = { id: string; email: string; displayName: string; token: string }

export type Harness = {
  server: NodeServer
  smtp: TestSmtpServer
  browser: Browser
  site: { id: string; publishableKey: string; secretKey: string }
  /** The server's settings (its database), for running the CLI on the same deployment. */
  env: Record<string, string>
  /** `${server.url}/demo/<page>`. */
  demo(page: string): string
  /** A JSON request as the site's owner (secret key); throws unless 2xx. */
  owner<T = unknown>(method: string, path: string, body?: unknown): Promise<T>
  /** A JSON request as a page would send it (publishable key, a member's token); throws unless 2xx. */
  call<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<T>
  /** The first email to `address` whose text matches `pattern`, waiting for it. */
  mailTo(address: string, pattern: RegExp, timeoutMs?: number): Promise<ReceivedMessage>
  /** Registers, confirms the address with the emailed link, and signs in through the API. */
  member(displayName: string, email: string, role?: 'member' | 'moderator'): Promise<Member>
  /** A new browser context (closed by `closePages`) and a page in it. */
  page(options?: Parameters<Browser['newContext']>[0]): Promise<Page>
  closePages(): Promise<void>
  close(): Promise<void>
}

/**
 * Starts everything; call in `beforeAll` and `close()` in `afterAll`.
 *
 * @example
 * const h = await startHarness()
 * const page = await h.page()
 * await page.goto(h.demo('discussions.html'))
 */
export async function startHarness(
  options: {
    /** Files to serve in place of the checkout's (the console's build, say). */
    assets?: Partial<StaticAssets>
    /** More settings for the server (`OPERATOR_TOTP`, `ALLOW_PRIVATE_WEBHOOKS`). */
    env?: Record<string, string>
  } = {},
): Promise<Harness> {
  // Built from the sources for this run, so it never tests a stale bundle, and in memory: test
  // files run side by side, and must not write dist/embed.js while another's server reads it.
  const embed = {
    version: 'test',
    ...(await buildEmbed({ write: false })),
    from: 'memory' as const,
  }
  const files = fileAssets()
  mkdirSync(screenshots, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-browser-'))
  const smtp = await startTestSmtpServer()
  const env = {
    DATABASE_URL: `file:${join(dir, 'porchlight.db')}`,
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: smtp.url,
    ...options.env,
  }
  const server = await startNodeServer({
    config: { ...loadConfig(env), port: 0 },
    log: memoryLogger(),
    assets: { ...files, embed: async () => embed, ...options.assets },
  })
  // The demo site as `npm start` creates it on the server's own origin: a contact form
  // "contact", a category "general", and emailed links that open the demo members page.
  const created = await createDemoSite(server.deps, server.url)
  const site = {
    id: created.id,
    publishableKey: created.publishableKey,
    secretKey: created.secretKey,
  }
  const browser = await launchChromium()
  let contexts: BrowserContext[] = []

  async function send<T>(
    path: string,
    method: string,
    headers: Record<string, string>,
    body?: unknown,
  ) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
    return (text ? JSON.parse(text) : undefined) as T
  }

  const harness: Harness = {
    server,
    smtp,
    browser,
    site,
    env,
    demo: (page) => `${server.url}/demo/${page}`,
    owner: (method, path, body) =>
      send(path, method, { Authorization: `Bearer ${site.secretKey}` }, body),
    call: (method, path, body, token) =>
      send(
        path,
        method,
        {
          'X-Porchlight-Key': site.publishableKey,
          ...(token && { Authorization: `Bearer ${token}` }),
        },
        body,
      ),
    async mailTo(address, pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = smtp.received.find(
          (mail) =>
            mail.recipients.includes(address) && pattern.test(mail.parts.get('text/plain') ?? ''),
        )
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no email to ${address} matching ${pattern}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async member(displayName, email, role = 'member') {
      await harness.call('POST', '/v1/auth/register', { email, password, displayName })
      const mail = await harness.mailTo(email, /action=verify-email/)
      const token = emailedToken(mail, 'verify-email')
      const { account } = await harness.call<{ account: { id: string } }>(
        'POST',
        '/v1/auth/verify-email',
        { token },
      )
      if (role !== 'member')
        await harness.owner('PATCH', `/v1/admin/members/${account.id}`, { role })
      const signedIn = await harness.call<{ token: string }>('POST', '/v1/auth/login', {
        email,
        password,
      })
      return { id: account.id, email, displayName, token: signedIn.token }
    },
    async page(options = {}) {
      const context = await browser.newContext(options)
      contexts.push(context)
      return context.newPage()
    },
    async closePages() {
      await Promise.all(contexts.map((context) => context.close()))
      contexts = []
    },
    async close() {
      await harness.closePages()
      await browser.close()
      await server.close()
      await smtp.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }

  return harness
}

/** The emailed link for `action`, as it appears in the message's text. */
export function emailedLink(mail: ReceivedMessage, action: string): string {
  const link = new RegExp(`https?://\\S+action=${action}&token=[\\w.%-]+`).exec(
    mail.parts.get('text/plain') ?? '',
  )?.[0]
  if (!link) throw new Error(`no ${action} link in:\n${mail.parts.get('text/plain')}`)
  return link
}

function emailedToken(mail: ReceivedMessage, action: string): string {
  return decodeURIComponent(new URL(emailedLink(mail, action)).searchParams.get('token') ?? '')
}

/** Waits for what the page shows to settle on a value; a busy 2-core machine gets time. */
export const eventually = <T>(read: () => Promise<T>, timeout = 20_000) =>
  expect.poll(read, { timeout, interval: 100 })

/** The first level-2 heading in a component: each view starts with one. */
export const heading = (element: Locator) =>
  element.getByRole('heading', { level: 2 }).first().textContent()

/** The component's status line: what it announces. */
export const status = (element: Locator) => element.getByRole('status').textContent()

/** Signs in through <porchlight-auth> on the demo members page. */
export async function signIn(h: Harness, page: Page, email: string, secret = password) {
  await page.goto(h.demo('members.html'))
  const auth = page.locator('porchlight-auth')
  await auth.getByLabel('Email', { exact: true }).fill(email)
  await auth.getByLabel('Password', { exact: true }).fill(secret)
  await auth.getByRole('button', { name: 'Sign in' }).click()
  await eventually(() => heading(auth)).toMatch(/^Signed in as /)
}

/** The shadow root's text of the first element matching `selector` on the page. */
export function shadowText(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => element.shadowRoot?.textContent ?? '')
}
