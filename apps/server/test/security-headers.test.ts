// Which security headers each kind of answer carries (http/security-headers.ts): every HTML page
// the server makes gets the full browser-page set, and every other answer (JSON above all) the
// API set and none of the page-only headers. The pages are all of them: the landing page, the
// demo, the console, the API reference, the development mailbox, the contact form's pages for
// plain HTML posts (thanks and error) and the unsubscribe page.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sites } from '../src/db/schema.ts'
import { unsubscribeToken } from '../src/forum/unsubscribe.ts'
import type { StaticAssets } from '../src/pages/assets.ts'
import { createTestApp, createTestSite, type TestApp, type TestSite } from './helpers/app.ts'
import {
  expectedApiHeaders as apiHeaders,
  expectedPageOnlyHeaders as pageOnlyHeaders,
} from './helpers/security-headers.ts'

const page = '<!doctype html><title>A page</title><p>Hello</p>'
const assets: StaticAssets = {
  embed: async () => null,
  demoFile: async (name) => (name === 'index.html' ? page : null),
  apiReferenceFile: async () => 'window.ui = 1',
  openApiDocument: async () => null,
  consoleFile: async (path) => (path === 'index.html' ? page : null),
}

// Pages on a development server (the demo and the mailbox exist only there); JSON answers on
// one reached over https, where they carry HSTS too.
let t: TestApp
let site: TestSite
let https: TestApp
let httpsSite: TestSite
beforeAll(async () => {
  t = await createTestApp({
    assets,
    env: { MAIL_TRANSPORT: 'dev', DEMO_SITE: 'false' },
    // The development mailbox answers only this machine.
    socketAddress: () => '127.0.0.1',
  })
  site = await createTestSite(t)
  https = await createTestApp({ env: { PUBLIC_URL: 'https://porchlight.example' } })
  httpsSite = await createTestSite(https)
})
afterAll(async () => {
  await t.close()
  await https.close()
})

async function unsubscribePage() {
  const [row] = await t.deps.db
    .select({ secret: sites.signingSecret })
    .from(sites)
    .where(eq(sites.id, site.id))
  const token = unsubscribeToken(row?.secret ?? '', {
    siteId: site.id,
    memberId: 'mem_someone',
    scope: 'all',
  })
  return t.app.request(`/v1/notifications/unsubscribe?token=${token}`)
}

const formPost = (path: string, body: string) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  })

describe('HTML pages', () => {
  const pages: [string, () => Response | Promise<Response>][] = [
    ['the landing page', () => t.app.request('/')],
    ['the demo', () => t.app.request('/demo/')],
    ['the console', () => t.app.request('/console/')],
    ['the API reference', () => t.app.request('/docs/api')],
    ['the development mailbox', () => t.app.request('/dev/mail')],
    [
      'a contact form’s error page',
      () => formPost(`/v1/forms/no-such-form/submissions?key=${site.publishableKey}`, 'a=b'),
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
  })
})

describe('JSON answers', () => {
  const key = () => ({ 'x-porchlight-key': httpsSite.publishableKey })
  const answers: [string, () => Response | Promise<Response>][] = [
    ['the health check', () => https.app.request('/healthz')],
    ['the readiness check', () => https.app.request('/readyz')],
    ['a path no route has', () => https.app.request('/no/such/thing')],
    ['a refused secret key', () => https.app.request('/v1/admin/site')],
    ['the site', () => https.app.request('/v1/site', { headers: key() })],
    ['the forum’s categories', () => https.app.request('/v1/forum/categories', { headers: key() })],
    [
      'a sign-in refused',
      () =>
        https.app.request('/v1/auth/login', {
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
    expect(headers).toMatchObject(apiHeaders)
    for (const name of Object.keys(pageOnlyHeaders)) expect(headers).not.toHaveProperty(name)
    expect(headers).not.toHaveProperty('x-powered-by')
  })
})
