import { type Context, Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { manualClock, memoryLogger } from '../../test/helpers/app.ts'
import { createDevMailTransport, devMailRoutes } from './dev.ts'
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
    expect(page).toContain('srcdoc="&lt;p&gt;HTML 2&lt;/p&gt;"')
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
    expect(frames[0]).toContain('srcdoc="&lt;p&gt;Hi&lt;/p&gt;&lt;script&gt;')
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

  it('serves the same messages as JSON', async () => {
    const { dev, app } = setup()
    await dev.send(mail(1))
    const res = await app.request('/dev/mail.json')
    expect(await res.json()).toEqual({
      messages: [{ ...mail(1), sentAt: '2026-11-21T12:00:00.000Z' }],
    })
  })
})
