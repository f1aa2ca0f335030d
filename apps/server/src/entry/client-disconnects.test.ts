import { createServer, type Server, type ServerOptions } from 'node:http'
import { connect } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../test/helpers/app.ts'
import type { AppEnv } from '../http/env.ts'
import { requestBasics } from '../http/request-basics.ts'
import { securedServerResponse } from '../http/security-headers-node.ts'
import { logLateDisconnects } from './client-disconnects.ts'

// A client that leaves while its answer is being written: only the runtime sees it, after the
// app (and its request log line) is done. Real sockets, a real Node HTTP server.

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

async function serve(app: { fetch: Hono['fetch'] }, options: ServerOptions = {}) {
  const log = memoryLogger()
  server = createServer(options, getRequestListener(logLateDisconnects(app.fetch, log)))
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return { log, port: typeof address === 'object' && address ? address.port : 0 }
}

/** Sends `GET path`, waits for the first bytes of the answer, then drops the connection. */
async function leaveMidAnswer(port: number, path: string) {
  const socket = connect(port, '127.0.0.1')
  socket.on('error', () => {})
  socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nX-Request-Id: left-mid-answer\r\n\r\n`)
  await new Promise((resolve) => socket.once('data', resolve))
  socket.destroy()
}

/** A download that takes a while: a chunk every 20 ms. */
function slowDownload() {
  let n = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      controller.enqueue(new TextEncoder().encode(`line ${n++}\n`))
    },
  })
}

describe('logLateDisconnects', () => {
  it('logs a client that leaves while a streamed answer is written, with the request id', async () => {
    const app = new Hono()
    app.use(requestId({ headerName: 'X-Request-Id' }))
    app.get('/export', (c) => c.body(slowDownload(), 200, { 'Content-Type': 'text/plain' }))
    const { log, port } = await serve(app)

    await leaveMidAnswer(port, '/export')

    await expect
      .poll(() => log.lines.filter((line) => line.message === 'client disconnected'))
      .toEqual([
        expect.objectContaining({
          level: 'info',
          requestId: 'left-mid-answer',
          method: 'GET',
          path: '/export',
          status: 200,
          during: 'response',
        }),
      ])
  })

  it('takes the request id from the response head where the head writes it (Node’s server)', async () => {
    const log = memoryLogger()
    const app = new Hono<AppEnv>()
    app.use(requestBasics(log, { https: false }))
    app.get('/export', (c) => c.body(slowDownload(), 200, { 'Content-Type': 'text/plain' }))
    const served = await serve(app, { ServerResponse: securedServerResponse({ https: false }) })

    await leaveMidAnswer(served.port, '/export')

    await expect
      .poll(() => served.log.lines.filter((line) => line.message === 'client disconnected'))
      .toEqual([expect.objectContaining({ requestId: 'left-mid-answer', during: 'response' })])
  })

  it('says nothing about a client that read its whole answer', async () => {
    const app = new Hono()
    app.get('/small', (c) => c.text('ok'))
    const { log, port } = await serve(app)

    const res = await fetch(`http://127.0.0.1:${port}/small`)
    expect(await res.text()).toBe('ok')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(log.lines).toEqual([])
  })
})
