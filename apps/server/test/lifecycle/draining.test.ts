import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { type NodeServer, startNodeServer } from '../../src/entry/node.ts'
import { memoryLogger } from '../helpers/app.ts'
import { KeepAliveClient } from './raw-http.ts'

// What a client on a connection opened before shutdown sees while the server drains: the Node
// entry in this process, over real sockets and a real database file.

let dir: string
let server: NodeServer
let log: ReturnType<typeof memoryLogger>
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-draining-'))
  const config = {
    ...loadConfig({ DATABASE_URL: `file:${join(dir, 'porchlight.db')}`, LOG_LEVEL: 'debug' }),
    port: 0,
  }
  log = memoryLogger()
  server = await startNodeServer({ config, log })
})
afterEach(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const port = () => Number(new URL(server.url).port)

describe('a draining server', () => {
  it('says not ready on /readyz, so a load balancer stops sending, and closes the connection', async () => {
    const client = new KeepAliveClient(port())
    const before = await client.send({ method: 'GET', path: '/readyz' })
    expect(before).toMatchObject({ kind: 'answered', status: 200 })

    const closed = server.close()
    // The same connection, opened before shutdown: within the grace window it is still read.
    const during = await client.send({ method: 'GET', path: '/readyz' })
    expect(client.reused).toBe(true)
    expect(during).toMatchObject({ kind: 'answered', status: 503 })
    if (during.kind !== 'answered') return
    expect(JSON.parse(during.body)).toEqual({
      error: { code: 'SHUTTING_DOWN', message: 'This server is shutting down.' },
    })
    expect(during.headers.connection).toBe('close')
    await closed
  })

  it('refuses new connections at once', async () => {
    const closed = server.close()
    const client = new KeepAliveClient(port())
    expect(await client.send({ method: 'GET', path: '/healthz' })).toEqual({ kind: 'refused' })
    await closed
  })

  it('closes an idle keep-alive connection cleanly after the grace window: no reset', async () => {
    const client = new KeepAliveClient(port())
    expect(await client.send({ method: 'GET', path: '/healthz' })).toMatchObject({
      status: 200,
      headers: { connection: 'keep-alive' },
    })
    const socketClosed = new Promise<boolean>((resolve) => {
      client.onIdleClose = resolve
    })
    await server.close()
    // `true`: the server's FIN ended it; an error (a reset) would say `false`.
    expect(await socketClosed).toBe(true)
  })

  it('drops, unprocessed, a request that reaches it after it closed the connection', async () => {
    // `allowHalfOpen`: the client keeps sending after the server's FIN, as a client does whose
    // request crossed that FIN on the wire.
    const socket = connect({ port: port(), host: '127.0.0.1', allowHalfOpen: true })
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk
    })
    const serverFin = new Promise<void>((resolve) => socket.once('end', resolve))
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
    while (!received.includes('{"status":"ok"}')) await new Promise((r) => setTimeout(r, 5))
    received = ''

    const closed = server.close()
    await serverFin
    socket.write('GET /readyz HTTP/1.1\r\nHost: x\r\nX-Request-Id: after-the-fin\r\n\r\n')
    // Resolves once the server has closed its side of every connection, this one included.
    await closed
    socket.destroy()

    expect(received).toBe('')
    expect(log.lines.filter((line) => line.requestId === 'after-the-fin')).toEqual([])
  })
})
