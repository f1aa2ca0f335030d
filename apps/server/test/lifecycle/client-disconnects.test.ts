import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { killServeProcesses, printed, type ServeProcess, startServe } from './cli-process.ts'

// A client that goes away mid-request (an upload aborted halfway, a tab closed while the server
// works) is not a fault of the server: the JSON log says `client disconnected`, at info level,
// with the request's id, and never `unhandled error`, which is what an operator is paged for.

let dir: string
let server: ServeProcess
let publishableKey: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-disconnects-'))
  server = await startServe(dir)
  publishableKey = (await printed(server, /publishable key: (pk_\w+)/))[1] ?? ''
})
afterAll(() => {
  killServeProcesses()
  rmSync(dir, { recursive: true, force: true })
})

/** The log lines of one request, once its last line (`request` or `client disconnected`) is out. */
async function linesOf(requestId: string) {
  const deadline = Date.now() + 10_000
  for (;;) {
    const lines = server.logLines().filter((line) => line.requestId === requestId)
    if (lines.some((l) => l.message === 'request' || l.message === 'client disconnected')) {
      return lines
    }
    if (Date.now() > deadline) throw new Error(`no line for ${requestId}:\n${server.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * Sends the head of a request and `sent` bytes of its body, waits until the server has handed it
 * to the app (`Expect: 100-continue` makes Node say so), then drops the connection.
 */
async function abortUpload(head: string[], body: string, sent: number) {
  const socket = connect(server.port, '127.0.0.1')
  socket.on('error', () => {})
  let received = ''
  socket.on('data', (chunk) => {
    received += chunk
  })
  socket.write(
    [
      ...head,
      'Host: 127.0.0.1',
      `X-Porchlight-Key: ${publishableKey}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Expect: 100-continue',
      '',
      body.slice(0, sent),
    ].join('\r\n'),
  )
  while (!received.includes('100 Continue')) await new Promise((r) => setTimeout(r, 10))
  // Long enough for the app to be waiting on the rest of the body.
  await new Promise((resolve) => setTimeout(resolve, 100))
  socket.destroy()
}

const uploads = [
  {
    name: 'a JSON contact submission',
    head: ['POST /v1/forms/contact/submissions HTTP/1.1', 'Content-Type: application/json'],
    body: JSON.stringify({ email: 'ada@example.com', message: 'x'.repeat(2000) }),
  },
  {
    name: 'a plain HTML form post',
    head: [
      'POST /v1/forms/contact/submissions HTTP/1.1',
      'Content-Type: application/x-www-form-urlencoded',
    ],
    body: new URLSearchParams({ email: 'ada@example.com', message: 'x'.repeat(2000) }).toString(),
  },
  {
    name: 'a validated JSON body (sign-in)',
    head: ['POST /v1/auth/login HTTP/1.1', 'Content-Type: application/json'],
    body: JSON.stringify({ email: 'ada@example.com', password: 'x'.repeat(2000) }),
  },
]

describe('a client that disconnects', () => {
  for (const [i, upload] of uploads.entries()) {
    it(`halfway through ${upload.name} is logged as such, not as an error`, async () => {
      const requestId = `aborted-upload-${i}`
      await abortUpload([...upload.head, `X-Request-Id: ${requestId}`], upload.body, 100)

      const lines = await linesOf(requestId)
      expect(lines.map((l) => [l.level, l.message])).toEqual([['info', 'client disconnected']])
      expect(lines[0]).toMatchObject({ method: 'POST', path: upload.head[0]?.split(' ')[1] })
      expect(server.output()).not.toMatch(/"level":"error"/)
    })
  }

  it('before a slow answer is written is logged as such, not as an error', async () => {
    // A sign-in hashes the password (about a quarter of a second) before it answers.
    const socket = connect(server.port, '127.0.0.1')
    socket.on('error', () => {})
    const body = JSON.stringify({ email: 'nobody@example.com', password: 'correct horse battery' })
    socket.write(
      [
        'POST /v1/auth/login HTTP/1.1',
        'Host: 127.0.0.1',
        `X-Porchlight-Key: ${publishableKey}`,
        'X-Request-Id: left-before-the-answer',
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body,
      ].join('\r\n'),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    socket.destroy()

    const lines = await linesOf('left-before-the-answer')
    expect(lines.map((l) => [l.level, l.message])).toEqual([['info', 'client disconnected']])
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/v1/auth/login', status: 401 })
    expect(server.output()).not.toMatch(/"level":"error"/)
  })
})
