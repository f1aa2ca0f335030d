import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/entry/node.ts'
import { bearer } from '../helpers/http.ts'
import { killServeProcesses, printed, type ServeProcess, startServe } from './cli-process.ts'
import { KeepAliveClient, type RawOutcome, type RawRequest } from './raw-http.ts'

// Regression (issue 9, item 7): under steady keep-alive load, SIGTERM reset requests sent 2–85 ms
// before it (ECONNRESET), and a client could not know whether its POST had been stored. Node's
// `server.close()` destroyed connections that looked idle while a request sat unread in them.
//
// The promise tested here, from the client's side of a real `porchlight serve` process: every
// request gets a complete response, or its connection is refused, or it is closed cleanly
// before any byte of a response, and then the request was never processed. Never a reset, never
// half a response. Each POST answered 2xx is in the database; each one cut off is not.

const shutdownSeconds = 10
const env = { SHUTDOWN_TIMEOUT_SECONDS: String(shutdownSeconds) }
const rounds = 12
const connections = 6

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-shutdown-'))
})
afterEach(() => {
  killServeProcesses()
  rmSync(dir, { recursive: true, force: true })
})

type Sent = {
  id: string
  method: RawRequest['method']
  /** Whether it went out on a connection that had already carried a response. */
  reused: boolean
  /** Sent after SIGTERM was. */
  afterSignal: boolean
  outcome: RawOutcome
}

/** The demo site's keys, and a contact form without proof of work or rate limits in the way. */
async function setUpSite(server: ServeProcess) {
  const publishableKey = (await printed(server, /publishable key: (pk_\w+)/))[1] ?? ''
  const secretKey = (await printed(server, /secret key: +(sk_\w+)/))[1] ?? ''
  const res = await fetch(`${server.url}/v1/admin/forms`, {
    method: 'POST',
    headers: { ...bearer(secretKey), 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: 'load',
      name: 'Load',
      settings: {
        rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
        spam: { proofOfWork: 'off', duplicateWindowMinutes: 0 },
      },
    }),
  })
  expect(res.status).toBe(201)
  return publishableKey
}

/**
 * One client on one keep-alive connection, alternating a contact submission and a read, until
 * the server refuses its connection. Request ids are our own, so the server's log shows which
 * requests it processed.
 */
async function loadConnection(
  port: number,
  publishableKey: string,
  tag: string,
  signalled: () => boolean,
  answeredOnce: () => void,
): Promise<Sent[]> {
  const client = new KeepAliveClient(port)
  const sent: Sent[] = []
  for (let i = 0; i < 10_000; i++) {
    const id = `${tag}-${i}`
    const headers = { 'X-Porchlight-Key': publishableKey, 'X-Request-Id': id }
    const request: RawRequest =
      i % 2 === 0
        ? {
            method: 'POST',
            path: '/v1/forms/load/submissions',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ message: `marker ${id} end` }),
          }
        : { method: 'GET', path: '/v1/site', headers }
    const afterSignal = signalled()
    const outcome = await client.send(request)
    sent.push({ id, method: request.method, reused: client.reused, afterSignal, outcome })
    if (i === 0) answeredOnce()
    if (outcome.kind === 'refused') break
  }
  client.close()
  return sent
}

describe('SIGTERM under steady keep-alive load', () => {
  it('resets no accepted request, keeps every acknowledged POST, and exits 0 within the deadline', async () => {
    let server = await startServe(dir, env)
    const publishableKey = await setUpSite(server)

    const sent: Sent[] = []
    const processedIds = new Set<string>()
    for (let round = 0; round < rounds; round++) {
      if (round > 0) server = await startServe(dir, env)
      let signalledAt: number | undefined
      const warm: Promise<void>[] = []
      const load = Array.from({ length: connections }, (_, c) => {
        let answeredOnce = () => {}
        warm.push(new Promise((resolve) => (answeredOnce = resolve)))
        const tag = `r${round}-c${c}`
        return loadConnection(server.port, publishableKey, tag, () => !!signalledAt, answeredOnce)
      })
      // Steady load first: every connection open and accepted.
      await Promise.all(warm)
      // A different moment of the load each round, so the signal lands in every phase of a
      // request: on the wire, being parsed, in the database, being written back.
      await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 260))
      signalledAt = Date.now()
      server.child.kill('SIGTERM')
      const exitCode = await server.exited
      const exitMs = Date.now() - signalledAt
      sent.push(...(await Promise.all(load)).flat())

      expect(exitCode, server.output()).toBe(0)
      expect(exitMs).toBeLessThan(shutdownSeconds * 1000)
      expect(server.output()).not.toMatch(/"level":"error"/)
      for (const line of server.logLines()) {
        if (typeof line.requestId === 'string') {
          processedIds.add(line.requestId)
        }
      }
    }

    // Never a reset of an accepted connection, never half a response: for these the client
    // cannot know what happened. (A reset of a brand-new connection before any answer is the
    // kernel refusing one the server had not accepted yet when it stopped listening.)
    const notAccepted = (s: Sent) =>
      s.outcome.kind === 'reset' && s.outcome.fresh && s.outcome.bytesReceived === 0
    const broken = sent.filter(
      (s) => (s.outcome.kind === 'reset' && !notAccepted(s)) || s.outcome.kind === 'truncated',
    )
    expect(broken).toEqual([])

    // A request cut off before its answer was never processed: safe to send again, even a POST.
    const cutOff = sent.filter((s) => s.outcome.kind === 'closed-unanswered' || notAccepted(s))
    expect(cutOff.filter((s) => processedIds.has(s.id))).toEqual([])

    const stored = new Set((await storedMessages()).map((m) => m.split(' ')[1]))
    const posts = sent.filter((s) => s.method === 'POST')
    const acknowledged = posts.filter(
      (s) => s.outcome.kind === 'answered' && s.outcome.status < 300,
    )
    expect(acknowledged.filter((s) => !stored.has(s.id))).toEqual([])
    expect(posts.filter((s) => s.outcome.kind !== 'answered' && stored.has(s.id))).toEqual([])
    // Every answer was a success: draining never turns a request into an error.
    expect(sent.filter((s) => s.outcome.kind === 'answered' && s.outcome.status >= 300)).toEqual([])

    // The race was really run: in most rounds, requests were still being answered after the
    // signal (with `Connection: close`, which only a draining server sends).
    const drainAnswers = sent.filter(
      (s) => s.outcome.kind === 'answered' && s.outcome.headers.connection === 'close',
    )
    expect(new Set(drainAnswers.map((s) => s.id.split('-')[0])).size).toBeGreaterThan(rounds / 2)
  }, 120_000)

  it('answers an upload still arriving at SIGTERM, after the grace window, and stores it', async () => {
    const server = await startServe(dir, env)
    const publishableKey = await setUpSite(server)
    const body = JSON.stringify({ message: 'marker slow-upload end' })
    const upload = await startUpload(server.port, publishableKey, body)

    server.child.kill('SIGTERM')
    await printed(server, /"message":"shutting down"/)
    // Well past the half-second window in which idle connections are still read.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    upload.socket.write(body.slice(10))

    const response = await upload.response
    expect(response).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201 /)
    expect(response).toMatch(/\r\nconnection: close\r\n/i)
    expect(await server.exited).toBe(0)
    expect(await storedMessages()).toEqual(['marker slow-upload end'])
  })

  it('cuts off a request still running at the deadline, and exits anyway', async () => {
    const server = await startServe(dir, { SHUTDOWN_TIMEOUT_SECONDS: '1' })
    const publishableKey = await setUpSite(server)
    const upload = await startUpload(server.port, publishableKey, JSON.stringify({ message: 'x' }))

    const signalledAt = Date.now()
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    // The deadline, plus the time to close the database; far below the stop timeout (5 s more).
    expect(Date.now() - signalledAt).toBeLessThan(4000)
    expect(await upload.response).toBe('HTTP/1.1 100 Continue\r\n\r\n')
    expect(server.output()).toMatch(
      /"level":"warn","message":"shutdown deadline passed: requests still running were cut off","connections":1/,
    )
    expect(await storedMessages()).toEqual([])
  })

  it('exits at once on a second signal, without waiting for requests', async () => {
    const server = await startServe(dir, env)
    const publishableKey = await setUpSite(server)
    const upload = await startUpload(server.port, publishableKey, JSON.stringify({ message: 'x' }))

    server.child.kill('SIGTERM')
    await printed(server, /"message":"shutting down"/)
    server.child.kill('SIGTERM')
    // 128 + 15, as a shell reports a process ended by SIGTERM; the upload did not hold it.
    expect(await server.exited).toBe(143)
    upload.socket.destroy()
    expect(server.output()).toMatch(/"message":"second signal: exiting at once"/)
  })
})

/**
 * A contact submission whose body is only partly sent. `Expect: 100-continue` makes the server
 * say when it has the request (Node answers `100 Continue` as it hands the request to the app),
 * so the test knows the request was accepted before it signals. `response` is everything the
 * server sent until it closed the connection.
 */
async function startUpload(port: number, publishableKey: string, body: string) {
  const socket: Socket = connect(port, '127.0.0.1')
  let received = ''
  const response = new Promise<string>((resolve) => {
    socket.on('data', (chunk) => {
      received += chunk
    })
    socket.on('close', () => resolve(received))
    socket.on('error', () => {})
  })
  socket.write(
    [
      'POST /v1/forms/load/submissions HTTP/1.1',
      'Host: 127.0.0.1',
      `X-Porchlight-Key: ${publishableKey}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Expect: 100-continue',
      '',
      body.slice(0, 10),
    ].join('\r\n'),
  )
  while (!received.includes('100 Continue')) {
    if (socket.destroyed) throw new Error(`no 100 Continue: ${received}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return { socket, response }
}

/** The messages of the stored submissions to the `load` form. */
async function storedMessages(): Promise<string[]> {
  const db = await openDatabase({ url: `file:${join(dir, 'data', 'porchlight.db')}` })
  try {
    const result = await db.execute("SELECT data FROM submissions WHERE form_id = 'load'")
    return result.rows.flatMap((row) =>
      [...String(row.data).matchAll(/marker (\S+) end/g)].map((m) => `marker ${m[1]} end`),
    )
  } finally {
    db.close()
  }
}
