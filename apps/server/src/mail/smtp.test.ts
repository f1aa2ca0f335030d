import { createServer, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestSmtpServer, testSmtpCredentials } from '../../test/helpers/smtp.ts'
import type { MailMessage } from './message.ts'
import { createSmtpTransport, type SmtpTransport } from './smtp.ts'

const message: MailMessage = {
  from: 'Porchlight <notify@porchlight.example>',
  to: ['owner@site.example', 'second@site.example'],
  replyTo: 'Ada Lovelace <ada@visitor.example>',
  subject: 'New message: Grüße from the contact form',
  text: 'Name: Ada\nMessage: Grüße, 100% real',
  html: '<p>Name: Ada</p><p>Message: Grüße, 100% real</p>',
  messageId: '<job_test1@porchlight.example>',
  headers: { 'X-Porchlight-Site': 'site_abc', 'Auto-Submitted': 'auto-generated' },
}

function urlFor(port: number, { user, pass } = testSmtpCredentials) {
  return `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`
}

// Transports close before servers: smtp-server's close() waits for its clients to leave.
const transports: SmtpTransport[] = []
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const t of transports.splice(0)) await t.close()
  for (const step of cleanup.splice(0)) await step()
})

async function server() {
  const s = await startTestSmtpServer()
  cleanup.push(() => s.close())
  return s
}

function transport(port: number, options: { timeoutMs?: number; pass?: string } = {}) {
  const t: SmtpTransport = createSmtpTransport({
    url: urlFor(port, { ...testSmtpCredentials, pass: options.pass ?? testSmtpCredentials.pass }),
    ...(options.timeoutMs && { timeoutMs: options.timeoutMs }),
  })
  transports.push(t)
  return t
}

describe('SMTP transport against a real SMTP server', () => {
  it('delivers headers, a text part and an HTML part, after authenticating', async () => {
    const smtp = await server()
    await transport(smtp.port).send(message)

    expect(smtp.received).toHaveLength(1)
    const [mail] = smtp.received
    expect(mail?.recipients).toEqual(['owner@site.example', 'second@site.example'])
    const h = mail?.headers
    expect(h?.get('from')).toBe('Porchlight <notify@porchlight.example>')
    expect(h?.get('to')).toBe('owner@site.example, second@site.example')
    expect(h?.get('reply-to')).toBe('Ada Lovelace <ada@visitor.example>')
    expect(h?.get('message-id')).toBe('<job_test1@porchlight.example>')
    expect(h?.get('x-porchlight-site')).toBe('site_abc')
    expect(h?.get('auto-submitted')).toBe('auto-generated')
    // Non-ASCII subjects travel as RFC 2047 encoded words, and read back as written.
    expect(mail?.raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/im)
    expect(h?.get('subject')).toBe(message.subject)
    expect(h?.get('content-type')).toMatch(/^multipart\/alternative/)
    expect(mail?.parts.get('text/plain')).toBe(message.text)
    expect(mail?.parts.get('text/html')).toBe(message.html)
  })

  it('rejects quickly while the server is down, and works once it is back on that port', async () => {
    const down = await server()
    await down.stop()
    const smtp = transport(down.port)

    const started = performance.now()
    await expect(smtp.send(message)).rejects.toThrow(/ECONNREFUSED/)
    expect(performance.now() - started).toBeLessThan(3000)

    await down.start()
    await smtp.send(message)
    expect(down.received.map((m) => m.headers.get('message-id'))).toEqual([message.messageId])
  })

  it('gives up on a server that accepts the connection but never greets', async () => {
    const sockets = new Set<Socket>()
    const silent = createServer((socket) => sockets.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    cleanup.push(async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    })
    const address = silent.address()
    const port = typeof address === 'object' && address ? address.port : 0

    const started = performance.now()
    await expect(transport(port, { timeoutMs: 300 }).send(message)).rejects.toThrow(
      /^SMTP send failed: ETIMEDOUT/,
    )
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('fails with the server’s answer when the credentials are wrong, and sends nothing', async () => {
    const smtp = await server()
    await expect(transport(smtp.port, { pass: 'wrong' }).send(message)).rejects.toThrow(/535|auth/i)
    expect(smtp.received).toHaveLength(0)
  })
})
