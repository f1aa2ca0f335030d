import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTurnstileVerifier } from './turnstile.ts'

/**
 * A stand-in for Cloudflare's siteverify endpoint on 127.0.0.1, answering as Cloudflare
 * documents: `good-token` passes for `good-secret`, anything else fails with its error codes.
 * `/broken` answers 502 with HTML (a proxy in front failing); `/hang` never answers.
 */
function startSiteverifyStandIn() {
  const requests: { path: string; contentType?: string; form: Record<string, string> }[] = []
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const form = Object.fromEntries(new URLSearchParams(body))
    requests.push({ path: req.url ?? '', contentType: req.headers['content-type'], form })
    if (req.url === '/hang') return
    if (req.url === '/broken') {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>')
      return
    }
    const errors: string[] = []
    if (!form.secret) errors.push('missing-input-secret')
    else if (form.secret !== 'good-secret') errors.push('invalid-input-secret')
    if (!form.response) errors.push('missing-input-response')
    else if (form.response === 'used-token') errors.push('timeout-or-duplicate')
    else if (form.response !== 'good-token') errors.push('invalid-input-response')
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        success: errors.length === 0,
        'error-codes': errors,
        hostname: 'site.example',
      }),
    )
  })
  return { server, requests }
}

let standIn: ReturnType<typeof startSiteverifyStandIn>
let base: string
const openSockets = new Set<import('node:net').Socket>()

beforeAll(async () => {
  standIn = startSiteverifyStandIn()
  standIn.server.on('connection', (socket) => {
    openSockets.add(socket)
    socket.on('close', () => openSockets.delete(socket))
  })
  await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const socket of openSockets) socket.destroy()
  await new Promise((resolve) => standIn.server.close(resolve))
})
beforeEach(() => {
  standIn.requests.length = 0
})

describe('Turnstile siteverify', () => {
  it('reports success, sending secret, response, remote IP and idempotency key form-encoded', async () => {
    const turnstile = createTurnstileVerifier({ verifyUrl: `${base}/siteverify` })
    const result = await turnstile.verify({
      secret: 'good-secret',
      token: 'good-token',
      ip: '203.0.113.9',
      idempotencyKey: 'sub_1',
    })
    expect(result).toEqual({ success: true, errorCodes: [] })
    expect(standIn.requests).toEqual([
      {
        path: '/siteverify',
        contentType: expect.stringMatching(/^application\/x-www-form-urlencoded/),
        form: {
          secret: 'good-secret',
          response: 'good-token',
          remoteip: '203.0.113.9',
          idempotency_key: 'sub_1',
        },
      },
    ])
  })

  it("passes on Cloudflare's error codes when a token is refused", async () => {
    const turnstile = createTurnstileVerifier({ verifyUrl: `${base}/siteverify` })
    expect(await turnstile.verify({ secret: 'good-secret', token: 'forged' })).toEqual({
      success: false,
      errorCodes: ['invalid-input-response'],
    })
    expect(await turnstile.verify({ secret: 'good-secret', token: 'used-token' })).toEqual({
      success: false,
      errorCodes: ['timeout-or-duplicate'],
    })
    expect(await turnstile.verify({ secret: 'wrong-secret', token: 'good-token' })).toEqual({
      success: false,
      errorCodes: ['invalid-input-secret'],
    })
    expect(standIn.requests[0]?.form).not.toHaveProperty('remoteip')
  })

  it('refuses an empty or oversized token without asking Cloudflare', async () => {
    const turnstile = createTurnstileVerifier({ verifyUrl: `${base}/siteverify` })
    for (const token of ['', 'x'.repeat(2049)]) {
      expect(await turnstile.verify({ secret: 'good-secret', token })).toEqual({
        success: false,
        errorCodes: ['invalid-input-response'],
      })
    }
    expect(standIn.requests).toEqual([])
  })

  it('reports network-error when siteverify cannot be reached', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const turnstile = createTurnstileVerifier({ verifyUrl: `http://127.0.0.1:${port}/siteverify` })
    expect(await turnstile.verify({ secret: 'good-secret', token: 'good-token' })).toEqual({
      success: false,
      errorCodes: ['network-error'],
    })
  })

  it('reports network-error when siteverify does not answer in time', async () => {
    const turnstile = createTurnstileVerifier({ verifyUrl: `${base}/hang`, timeoutMs: 200 })
    const started = Date.now()
    expect(await turnstile.verify({ secret: 'good-secret', token: 'good-token' })).toEqual({
      success: false,
      errorCodes: ['network-error'],
    })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('reports bad-response for an answer that is not a verdict', async () => {
    const turnstile = createTurnstileVerifier({ verifyUrl: `${base}/broken` })
    expect(await turnstile.verify({ secret: 'good-secret', token: 'good-token' })).toEqual({
      success: false,
      errorCodes: ['bad-response'],
    })
  })

  it('uses the fetch it is given', async () => {
    const seen: string[] = []
    const turnstile = createTurnstileVerifier({
      verifyUrl: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
      fetch: async (input) => {
        seen.push(String(input))
        return Response.json({ success: true, 'error-codes': [] })
      },
    })
    expect(await turnstile.verify({ secret: 's', token: 't' })).toEqual({
      success: true,
      errorCodes: [],
    })
    expect(seen).toEqual(['https://challenges.cloudflare.com/turnstile/v0/siteverify'])
  })
})
