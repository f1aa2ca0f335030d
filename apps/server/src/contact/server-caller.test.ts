// Submissions from a site's own server, by its secret key (issue 15, item 7): the SDK in Node
// spent 1–8 s solving the proof of work for every submission a backend relayed. With the secret
// key the server asks for no browser proofs, keeps every check on the content and the form's
// limit, and records the visitor the caller names. A browser holding a secret key is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, type TestSite } from '../../test/helpers/app.ts'
import { bearer } from '../../test/helpers/http.ts'
import {
  type ContactHarness,
  countRows,
  createContactHarness,
  createForm,
  postJson,
  sdkHeaders,
  siteOrigin,
  socketAddress,
  storedSubmissions,
} from './test-helpers.ts'

let h: ContactHarness
beforeEach(async () => {
  h = await createContactHarness()
  await createForm(h, {
    id: 'contact',
    settings: {
      notify: ['owner@site.example'],
      fields: { email: { type: 'email', required: true }, message: { required: true } },
      // Every browser proof this form can ask for: none of them is asked of the site's server.
      spam: {
        proofOfWork: 'always',
        requireTimeToken: true,
        turnstileSecret: 'turnstile-secret',
        blockedIps: ['192.0.2.0/24'],
      },
      rateLimits: { perAddressPerHour: 2, perFormPerHour: 5 },
    },
  })
})
afterEach(() => h.close())

const message = (n: number) => ({ email: `ann${n}@example.com`, message: `Hello number ${n}` })
const fromServer = (extra: Record<string, string> = {}) => ({
  ...bearer(h.site.secretKey),
  ...extra,
})
const visitor = (ip: string) => fromServer({ 'X-Porchlight-Visitor-Ip': ip })

describe('a submission from the site’s own server, with its secret key', () => {
  it('is stored as a real message, with the visitor it names, and notifies the owner', async () => {
    const res = await postJson(h, 'contact', message(1), {
      ...visitor('198.51.100.7'),
      'User-Agent': 'site-backend/1.0',
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }

    expect(await storedSubmissions(h.t)).toMatchObject([
      {
        id,
        siteId: h.site.id,
        status: 'new',
        spamReasons: [],
        data: message(1),
        ip: '198.51.100.7',
        userAgent: 'site-backend/1.0',
      },
    ])
    await h.t.deps.outbox.kick()
    expect(h.delivered.map((job) => job.kind)).toContain('email')
    // Turnstile was never asked: there was nothing to ask it about.
    expect(h.turnstile.calls).toEqual([])
  })

  it('gets a challenge solved in a hash or two, so an SDK that fetches one spends nothing', async () => {
    const served = await h.t.app.request('/v1/forms/contact/challenge', { headers: fromServer() })
    expect(served.status).toBe(200)
    expect(((await served.json()) as { maxnumber: number }).maxnumber).toBe(1)
    // Pages still get the real work.
    const page = await h.t.app.request('/v1/forms/contact/challenge', {
      headers: sdkHeaders(h.site),
    })
    expect(((await page.json()) as { maxnumber: number }).maxnumber).toBe(100_000)
  })

  it('still faces the checks on the content: a filled honeypot, a blocked visitor', async () => {
    expect(
      (await postJson(h, 'contact', { ...message(2), _gotcha: 'x' }, visitor('198.51.100.8')))
        .status,
    ).toBe(201)
    expect((await postJson(h, 'contact', message(3), visitor('192.0.2.44'))).status).toBe(201)
    expect((await storedSubmissions(h.t)).map((s) => [s.status, s.spamReasons])).toEqual([
      ['spam', ['honeypot']],
      ['spam', ['blocked_ip']],
    ])
  })

  it('holds each named visitor to the per-address limit, and the form to its own', async () => {
    for (const n of [1, 2]) {
      expect((await postJson(h, 'contact', message(n), visitor('198.51.100.1'))).status).toBe(201)
    }
    const third = await postJson(h, 'contact', message(3), visitor('198.51.100.1'))
    expect(third.status).toBe(429)
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED')
    // Another visitor of the same server has an allowance of their own.
    expect((await postJson(h, 'contact', message(4), visitor('198.51.100.2'))).status).toBe(201)

    // Naming no visitor, the server is one address for all: no per-address limit, but the
    // form's (5 an hour) still stops it.
    const unnamed = []
    for (const n of [5, 6, 7])
      unnamed.push((await postJson(h, 'contact', message(n), fromServer())).status)
    expect(unnamed).toEqual([201, 201, 429])
    const stored = await storedSubmissions(h.t)
    expect(stored.map((s) => s.ip)).toEqual([
      '198.51.100.1',
      '198.51.100.1',
      '198.51.100.2',
      socketAddress,
      socketAddress,
    ])
  })

  it('refuses a visitor address that is not one address, storing nothing', async () => {
    for (const named of ['not-an-ip', '198.51.100.0/24', '1.2.3.4, 5.6.7.8']) {
      const res = await postJson(h, 'contact', message(1), visitor(named))
      expect(res.status, named).toBe(400)
      expect(await res.json()).toMatchObject({
        error: {
          code: 'BAD_REQUEST',
          message: 'X-Porchlight-Visitor-Ip must be one IPv4 or IPv6 address.',
        },
      })
    }
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })
})

describe('what a secret key does not buy', () => {
  it('a browser sending one is refused, before the key is looked at, and nothing is stored', async () => {
    const browsers: Record<string, string>[] = [
      { Origin: siteOrigin },
      { 'Sec-Fetch-Site': 'same-origin' },
    ]
    for (const browser of browsers) {
      const res = await postJson(h, 'contact', message(1), fromServer(browser))
      expect(res.status).toBe(403)
      const { error } = (await res.json()) as { error: { code: string; message: string } }
      expect(error.code).toBe('SECRET_KEY_IN_BROWSER')
      expect(error.message).toMatch(/revoke it/)
      const challenge = await h.t.app.request('/v1/forms/contact/challenge', {
        headers: fromServer(browser),
      })
      expect(challenge.status).toBe(403)
    }
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })

  it('a key that is not the site’s, or a publishable key of another site beside it, is refused', async () => {
    const other: TestSite = await createTestSite(h.t, { name: 'Other', origins: [] })
    const wrongKey = await postJson(h, 'contact', message(1), bearer(`${h.site.secretKey}x`))
    expect(wrongKey.status).toBe(401)
    expect(await wrongKey.json()).toMatchObject({ error: { code: 'INVALID_SECRET_KEY' } })

    const mixed = await postJson(h, 'contact', message(1), {
      ...fromServer(),
      'X-Porchlight-Key': other.publishableKey,
    })
    expect(mixed.status).toBe(401)
    expect(await mixed.json()).toMatchObject({ error: { code: 'INVALID_PUBLISHABLE_KEY' } })

    // Another site's key reaches only that site's forms: this form is not one of them.
    const elsewhere = await postJson(h, 'contact', message(1), bearer(other.secretKey))
    expect(elsewhere.status).toBe(404)
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })

  it('from a page, the visitor header is ignored: nobody picks their own address', async () => {
    const headers = { ...sdkHeaders(h.site), 'X-Porchlight-Visitor-Ip': '198.51.100.99' }
    // No proof of work: stored as spam, which is answered like anything else.
    expect((await postJson(h, 'contact', message(1), headers)).status).toBe(201)
    expect(await storedSubmissions(h.t)).toMatchObject([
      {
        ip: socketAddress,
        status: 'spam',
        spamReasons: expect.arrayContaining([
          'missing_proof_of_work',
          'missing_time_token',
          'missing_turnstile_token',
        ]),
      },
    ])
  })
})
