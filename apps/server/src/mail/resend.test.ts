import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import type { MailMessage } from './message.ts'
import { createResendTransport, ResendApiError } from './resend.ts'

const apiKey = 're_test_5ecret_key'

const message: MailMessage = {
  from: 'Porchlight <notify@porchlight.example>',
  to: ['owner@site.example'],
  replyTo: 'ada@visitor.example',
  subject: 'New message',
  text: 'Hello',
  html: '<p>Hello</p>',
  messageId: '<job_r1@porchlight.example>',
  headers: { 'Auto-Submitted': 'auto-generated' },
}

type Seen = { method?: string; url?: string; headers: IncomingHttpHeaders; body: unknown }

/**
 * A local stand-in for Resend's API (there is no network here): records each request and answers
 * with the status and body the test chooses.
 */
async function startResendStandIn(answer: { status: number; body: string }) {
  const seen: Seen[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      })
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  servers.push(server)
  return { baseUrl: `http://127.0.0.1:${port}`, seen }
}

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve))
})

describe('Resend transport against a stand-in for Resend’s API', () => {
  it('posts the email as Resend expects, with the key and an idempotency key', async () => {
    const api = await startResendStandIn({ status: 200, body: '{"id":"4ef9a417"}' })
    await createResendTransport({ apiKey, baseUrl: `${api.baseUrl}/` }).send(message)

    expect(api.seen).toHaveLength(1)
    const [request] = api.seen
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/emails')
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['user-agent']).toBe('porchlight')
    expect(request?.headers['idempotency-key']).toBe('job_r1@porchlight.example')
    expect(request?.body).toEqual({
      from: 'Porchlight <notify@porchlight.example>',
      to: ['owner@site.example'],
      reply_to: 'ada@visitor.example',
      subject: 'New message',
      text: 'Hello',
      html: '<p>Hello</p>',
      headers: { 'Auto-Submitted': 'auto-generated', 'Message-ID': '<job_r1@porchlight.example>' },
    })
  })

  it('sends the same idempotency key when a job is retried', async () => {
    const api = await startResendStandIn({ status: 200, body: '{"id":"4ef9a417"}' })
    const resend = createResendTransport({ apiKey, baseUrl: api.baseUrl })
    await resend.send(message)
    await resend.send(message)
    const keys = api.seen.map((r) => r.headers['idempotency-key'])
    expect(keys[0]).toBe(keys[1])
  })

  it('turns a 422 into a permanent error carrying the status and Resend’s message', async () => {
    const api = await startResendStandIn({
      status: 422,
      body: JSON.stringify({
        statusCode: 422,
        name: 'validation_error',
        message: 'Invalid `to` field.',
      }),
    })
    const failure = createResendTransport({ apiKey, baseUrl: api.baseUrl }).send(message)
    await expect(failure).rejects.toBeInstanceOf(ResendApiError)
    await expect(failure).rejects.toMatchObject({
      status: 422,
      permanent: true,
      message: 'Resend API answered 422 validation_error: Invalid `to` field.',
    })
  })

  it('keeps a 500 retryable, and never puts the API key in the error', async () => {
    const api = await startResendStandIn({
      status: 500,
      body: `<html>upstream failed for Bearer ${apiKey}</html>`,
    })
    const error = await createResendTransport({ apiKey, baseUrl: api.baseUrl })
      .send(message)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResendApiError)
    expect(error).toMatchObject({ status: 500, permanent: false })
    expect((error as Error).message).toMatch(/^Resend API answered 500 /)
    expect((error as Error).message).not.toContain(apiKey)
    expect((error as Error).message).toContain('[redacted]')
  })

  it('fails with a clear error when the API cannot be reached', async () => {
    const api = await startResendStandIn({ status: 200, body: '{}' })
    await new Promise((resolve) => servers.pop()?.close(resolve))
    await expect(
      createResendTransport({ apiKey, baseUrl: api.baseUrl }).send(message),
    ).rejects.toThrow(/^Resend API unreachable/)
  })

  it('uses the fetch it is given, for runtimes and tests that supply their own', async () => {
    const calls: Request[] = []
    const resend = createResendTransport({
      apiKey,
      fetch: async (input, init) => {
        calls.push(new Request(input, init))
        return new Response('{"id":"x"}', { status: 200 })
      },
    })
    await resend.send(message)
    expect(calls.map((r) => `${r.method} ${r.url}`)).toEqual(['POST https://api.resend.com/emails'])
  })
})
