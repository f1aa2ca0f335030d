import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Context, Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { manualClock, memoryLogger } from '../../test/helpers/app.ts'
import { createDevMailTransport, devMailRoutes } from './dev.ts'
import { fileDevMailStore } from './dev-file-store.ts'
import type { MailMessage } from './message.ts'

const mail = (n: number, overrides: Partial<MailMessage> = {}): MailMessage => ({
  from: 'Porchlight <notify@porchlight.example>',
  to: ['owner@site.example'],
  subject: `Message ${n}`,
  text: `Text ${n}`,
  html: `<p>HTML ${n}</p>`,
  messageId: `<job_${n}@porchlight.example>`,
  ...overrides,
})

/** Requests come from this machine unless a test says otherwise with `X-Test-Caller`. */
const caller = (c: Context) => c.req.header('X-Test-Caller') ?? '127.0.0.1'

function setup(keep?: number) {
  const log = memoryLogger()
  const clock = manualClock()
  const dev = createDevMailTransport({ log, clock, ...(keep && { keep }) })
  const app = new Hono().route('/', devMailRoutes(dev, { peerAddress: (c) => caller(c) }))
  return { log, clock, dev, app }
}

describe('dev mail transport', () => {
  it('logs each message as one line and keeps the newest ones', async () => {
    const { log, clock, dev } = setup(2)
    for (const n of [1, 2, 3]) {
      await dev.send(mail(n))
      clock.advance(1000)
    }
    expect(dev.messages().map((m) => m.subject)).toEqual(['Message 3', 'Message 2'])
    expect(log.lines).toHaveLength(3)
    expect(log.lines[0]).toMatchObject({
      level: 'info',
      messageId: '<job_1@porchlight.example>',
      to: ['owner@site.example'],
      subject: 'Message 1',
      text: 'Text 1',
    })
  })
})

// Issue 15: dev mail was kept in memory only, and every restart emptied /dev/mail.
describe('dev mail kept in a file across restarts', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'porchlight-dev-mail-'))
    file = join(dir, 'dev-mail.json')
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  /** A transport as a new process makes it: nothing in memory, the same file. */
  const restart = (keep?: number) => {
    const log = memoryLogger()
    const dev = createDevMailTransport({
      log,
      clock: manualClock(),
      store: fileDevMailStore(file),
      ...(keep && { keep }),
    })
    return { log, dev }
  }

  it('shows the messages of the last run after a restart, newest first, pruned to the newest', async () => {
    const first = restart(3)
    for (const n of [1, 2, 3, 4]) await first.dev.send(mail(n))
    const second = restart(3)
    expect(second.dev.messages().map((m) => m.subject)).toEqual([
      'Message 4',
      'Message 3',
      'Message 2',
    ])
    expect(second.dev.messages()[0]).toMatchObject({ ...mail(4), sentAt: expect.any(Number) })
    await second.dev.send(mail(5))
    // The file holds no more than the page shows.
    const kept = JSON.parse(readFileSync(file, 'utf8')).messages.map(
      (m: { subject: string }) => m.subject,
    )
    expect(kept).toEqual(['Message 5', 'Message 4', 'Message 3'])
    // Reset links are in there: readable by the server's own user only.
    expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('keeps every one of several messages sent at once', async () => {
    const { dev } = restart()
    await Promise.all([1, 2, 3, 4, 5].map((n) => dev.send(mail(n))))
    expect(restart().dev.messages()).toHaveLength(5)
  })

  it('starts empty, and says why, when the file is not its own; what it could read it keeps', async () => {
    writeFileSync(file, 'not json')
    const broken = restart()
    expect(broken.dev.messages()).toEqual([])
    expect(broken.log.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringMatching(/could not be read/),
      }),
    )
    // Entries of another shape are left out, not shown half.
    writeFileSync(
      file,
      JSON.stringify({
        messages: [
          { ...mail(1), sentAt: 0 },
          { subject: 'no addresses', sentAt: 0 },
        ],
      }),
    )
    expect(
      restart()
        .dev.messages()
        .map((m) => m.subject),
    ).toEqual(['Message 1'])
  })

  it('still logs and shows a message the file cannot take', async () => {
    const { dev, log } = restart()
    // Something else took the file's name: a folder, which no file can replace.
    mkdirSync(join(file, 'taken'), { recursive: true })
    await dev.send(mail(1))
    expect(dev.messages().map((m) => m.subject)).toEqual(['Message 1'])
    expect(log.lines.map((line) => line.message)).toEqual([
      'mail (dev transport, not sent)',
      'dev mail: could not keep the message across restarts',
    ])
  })
})

describe('GET /dev/mail', () => {
  it('lists the kept messages, newest first, behind a strict CSP', async () => {
    const { dev, clock, app } = setup()
    await dev.send(mail(1))
    clock.advance(60_000)
    await dev.send(mail(2, { replyTo: 'ada@visitor.example' }))

    const res = await app.request('/dev/mail')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toMatch(/script-src/)
    expect(res.headers.get('cache-control')).toBe('no-store')

    const page = await res.text()
    expect(page.indexOf('Message 2')).toBeLessThan(page.indexOf('Message 1'))
    expect(page).toContain('ada@visitor.example')
    expect(page).toContain('2026-11-21T12:01:00.000Z')
    // Links in the HTML part open in a new tab: the pages they lead to refuse to be framed.
    expect(page).toContain(
      'srcdoc="&lt;base target=&quot;_blank&quot;&gt;&lt;p&gt;HTML 2&lt;/p&gt;"',
    )
  })

  it('shows hostile content as text: no markup from a message reaches the page', async () => {
    const { dev, app } = setup()
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    await dev.send(
      mail(1, {
        subject: `"><script>alert('subject')</script>`,
        replyTo: '<svg onload=alert(3)>',
        text: attack,
        html: `<p>Hi</p>${attack}<iframe src="javascript:alert(4)"></iframe>"'`,
      }),
    )
    const page = await (await app.request('/dev/mail')).text()

    expect(page).not.toMatch(/<script/i)
    expect(page).not.toMatch(/<img|<svg|<p>Hi|<iframe src/i)
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // The HTML part lives only in the srcdoc attribute of one sandboxed frame, quotes escaped.
    const frames = page.match(/<iframe [^>]*>/g) ?? []
    expect(frames).toHaveLength(1)
    expect(frames[0]).toMatch(/^<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" /)
    expect(frames[0]).not.toMatch(/allow-scripts|allow-same-origin/)
    expect(frames[0]).toContain(
      'srcdoc="&lt;base target=&quot;_blank&quot;&gt;&lt;p&gt;Hi&lt;/p&gt;&lt;script&gt;',
    )
    expect(frames[0]).toMatch(/&quot;&#39;">$/)
  })

  it('is not found for callers on other machines', async () => {
    const { dev, app } = setup()
    await dev.send(mail(1))
    for (const address of ['203.0.113.9', '::ffff:10.0.0.2', 'unknown', '127.0.0.1.evil']) {
      for (const path of ['/dev/mail', '/dev/mail.json']) {
        const res = await app.request(path, { headers: { 'X-Test-Caller': address } })
        expect(res.status, `${path} from ${address}`).toBe(404)
        expect(await res.text()).not.toContain('Message 1')
      }
    }
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await app.request('/dev/mail', { headers: { 'X-Test-Caller': address } })
      expect(res.status, address).toBe(200)
    }
  })

  it('is not found through a proxy on this machine: a forwarded request is not a local caller', async () => {
    const { dev, app } = setup()
    await dev.send(mail(1))
    for (const [name, value] of [
      ['X-Forwarded-For', '127.0.0.1'],
      ['X-Forwarded-For', '127.0.0.1, 203.0.113.7'],
      ['Forwarded', 'for=127.0.0.1'],
      ['X-Real-IP', '127.0.0.1'],
      ['CF-Connecting-IP', '127.0.0.1'],
    ] as const) {
      // The peer is loopback, as it is behind nginx or Caddy on the same host.
      const res = await app.request('/dev/mail', { headers: { [name]: value } })
      expect(res.status, `${name}: ${value}`).toBe(404)
      expect(await res.text()).not.toContain('Message 1')
    }
  })

  // Issue 15: a link in the HTML preview loaded inside the frame, which the linked page's
  // `frame-ancestors 'none'` blocks; the text part's addresses were not links at all.
  it('links the addresses of the text part, opening in a new tab, and no other scheme', async () => {
    const { dev, app } = setup()
    await dev.send(
      mail(1, {
        text: 'Confirm: http://localhost:8787/demo/members.html?action=verify-email&token=a.b\n\nOr see https://example.com/help. Not javascript:alert(1) nor <https://x.example/"q>',
      }),
    )
    const page = await (await app.request('/dev/mail')).text()
    const links = [
      ...page.matchAll(/<a href="([^"]*)" target="_blank" rel="noopener noreferrer">/g),
    ]
    expect(links.map((m) => m[1])).toEqual([
      'http://localhost:8787/demo/members.html?action=verify-email&amp;token=a.b',
      'https://example.com/help',
      'https://x.example/',
    ])
    expect(page).toContain('Not javascript:alert(1) nor &lt;')
  })

  it('opens the links of an HTML part with a head in a new tab too', async () => {
    const { dev, app } = setup()
    await dev.send(
      mail(1, { html: '<!doctype html><html><head><title>T</title></head><body></body></html>' }),
    )
    const page = await (await app.request('/dev/mail')).text()
    expect(page).toContain(
      'srcdoc="&lt;!doctype html&gt;&lt;html&gt;&lt;head&gt;&lt;base target=&quot;_blank&quot;&gt;&lt;title&gt;',
    )
  })

  it('serves the same messages as JSON', async () => {
    const { dev, app } = setup()
    await dev.send(mail(1))
    const res = await app.request('/dev/mail.json')
    expect(await res.json()).toEqual({
      messages: [{ ...mail(1), sentAt: '2026-11-21T12:00:00.000Z' }],
    })
  })
})
