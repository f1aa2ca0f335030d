// Which security headers each kind of answer carries (http/security-headers.ts): every HTML page
// the server makes gets the full browser-page set, and every other answer (JSON above all) the
// API set and none of the page-only headers. The pages are all of them: the landing page, the
// demo, the console, the API reference, the development mailbox, the contact form's pages for
// plain HTML posts (thanks and error) and the unsubscribe page.
//
// Each case runs both ways the headers get there: in process (`app.request`, where the request
// middleware puts them into each answer, as on Workers) and over a real socket of the Node
// server production runs (`startNodeServer`, where its response class writes them into each
// response head, security-headers-node.ts).
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sites } from '../src/db/schema.ts'
import type { AppDeps } from '../src/deps.ts'
import { unsubscribeToken } from '../src/forum/unsubscribe.ts'
import { createSmtpTransport } from '../src/mail/smtp.ts'
import type { StaticAssets } from '../src/pages/assets.ts'
import { createSite } from '../src/sites/service.ts'
import { createTestApp } from './helpers/app.ts'
import { startTestNodeServer } from './helpers/node-server.ts'
import {
  expectedApiHeaders as apiHeaders,
  expectedPageOnlyHeaders as pageOnlyHeaders,
} from './helpers/security-headers.ts'
import { startTestSmtpServer, type TestSmtpServer } from './helpers/smtp.ts'

const page = '<!doctype html><title>A page</title><p>Hello</p>'
const assets: StaticAssets = {
  embed: async () => null,
  demoFile: async (name) => (name === 'index.html' ? page : null),
  apiReferenceFile: async () => 'window.ui = 1',
  openApiDocument: async () => null,
  consoleFile: async (path) => (path === 'index.html' ? page : null),
}

/** An app reached one way: its deps, and a request sent to it that way. */
type Served = {
  deps: AppDeps
  request(path: string, init?: RequestInit): Response | Promise<Response>
  close(): Promise<void>
}
type ServeOptions = { env: Record<string, string>; assets?: StaticAssets }

const transports: [string, (options: ServeOptions) => Promise<Served>][] = [
  [
    'in process',
    async (options) => {
      const t = await createTestApp({
        ...options,
        // As over the socket: every request comes from this machine (the mailbox answers only it).
        socketAddress: () => '127.0.0.1',
        smtp: (url) => createSmtpTransport({ url }),
      })
      return { deps: t.deps, request: (path, init) => t.app.request(path, init), close: t.close }
    },
  ],
  ['over a Node socket', (options) => startTestNodeServer(options)],
]

// The https deployment is a production one, whose mail must really go somewhere.
let smtp: TestSmtpServer
beforeAll(async () => {
  smtp = await startTestSmtpServer()
})
afterAll(() => smtp.close())

describe.each(transports)('%s', (_, serve) => {
  // Pages on a development server (the demo and the mailbox exist only there); JSON answers on
  // one reached over https, where they carry HSTS too.
  let dev: Served
  let devSite: { id: string; publishableKey: string }
  let https: Served
  let httpsSite: { publishableKey: string }
  beforeAll(async () => {
    dev = await serve({ assets, env: { MAIL_TRANSPORT: 'dev', DEMO_SITE: 'false' } })
    devSite = await createSite(dev.deps, { name: 'Test site', origins: ['https://site.example'] })
    https = await serve({
      env: { PUBLIC_URL: 'https://porchlight.example', MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url },
    })
    httpsSite = await createSite(https.deps, { name: 'Test site', origins: [] })
  })
  afterAll(async () => {
    await dev?.close()
    await https?.close()
  })

  async function unsubscribePage() {
    const [row] = await dev.deps.db
      .select({ secret: sites.signingSecret })
      .from(sites)
      .where(eq(sites.id, devSite.id))
    const token = unsubscribeToken(row?.secret ?? '', {
      siteId: devSite.id,
      memberId: 'mem_someone',
      scope: 'all',
    })
    return dev.request(`/v1/notifications/unsubscribe?token=${token}`)
  }

  const formPost = (path: string, body: string) =>
    dev.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    })

  describe('HTML pages', () => {
    const pages: [string, () => Response | Promise<Response>][] = [
      ['the landing page', () => dev.request('/')],
      ['the demo', () => dev.request('/demo/')],
      ['the console', () => dev.request('/console/')],
      ['the API reference', () => dev.request('/docs/api')],
      ['the development mailbox', () => dev.request('/dev/mail')],
      [
        'a contact form’s error page',
        () => formPost(`/v1/forms/no-such-form/submissions?key=${devSite.publishableKey}`, 'a=b'),
      ],
      ['the unsubscribe page', unsubscribePage],
    ]
    it.each(pages)('%s gets the full browser-page set', async (_, request) => {
      const res = await request()
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      const headers = Object.fromEntries(res.headers)
      // A page may choose a value of its own (the demo sends its referrer to its own origin).
      expect(Object.keys(headers)).toEqual(expect.arrayContaining(Object.keys(pageOnlyHeaders)))
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['cross-origin-resource-policy']).toBe('same-origin')
      expect(headers['strict-transport-security']).toMatch(/max-age=\d+/)
      // Each page sets a policy of its own, made for it, rather than the API's load-nothing one.
      expect(headers['content-security-policy']).toMatch(/default-src '(none|self)'/)
      expect(headers['content-security-policy']).not.toBe(apiHeaders['content-security-policy'])
      expect(headers['x-request-id']).toMatch(/^[\w-]+$/)
    })

    it('a header a page sets itself wins over the default', async () => {
      // Under the default no-referrer, a browser sends `Origin: null` with the page's own POSTs,
      // which the API refuses; the demo and the console choose a referrer policy of their own.
      const demo = await dev.request('/demo/')
      expect(demo.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      const consolePage = await dev.request('/console/')
      expect(consolePage.headers.get('referrer-policy')).toBe('same-origin')
    })
  })

  describe('JSON answers', () => {
    const key = () => ({ 'x-porchlight-key': httpsSite.publishableKey })
    const answers: [string, () => Response | Promise<Response>][] = [
      ['the health check', () => https.request('/healthz')],
      ['the readiness check', () => https.request('/readyz')],
      ['a path no route has', () => https.request('/no/such/thing')],
      ['a refused secret key', () => https.request('/v1/admin/site')],
      ['the site', () => https.request('/v1/site', { headers: key() })],
      ['the forum’s categories', () => https.request('/v1/forum/categories', { headers: key() })],
      [
        'a sign-in refused',
        () =>
          https.request('/v1/auth/login', {
            method: 'POST',
            headers: { ...key(), 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'nobody@site.example', password: 'wrong password here' }),
          }),
      ],
    ]
    it.each(answers)('%s gets the API set and no page-only header', async (_, request) => {
      const res = await request()
      expect(res.headers.get('content-type')).toMatch(/^application\/(problem\+)?json/)
      const headers = Object.fromEntries(res.headers)
      // HSTS included: this server is reached over https.
      expect(headers).toMatchObject(apiHeaders)
      for (const name of Object.keys(pageOnlyHeaders)) expect(headers).not.toHaveProperty(name)
      expect(headers).not.toHaveProperty('x-powered-by')
      expect(headers['x-request-id']).toMatch(/^[\w-]+$/)
    })
  })
})
