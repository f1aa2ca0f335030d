import { readFileSync } from 'node:fs'
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { createSecureContext } from 'node:tls'

/** One request as the receiver saw it, with the local address the connection arrived on. */
export type Delivery = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  localAddress: string
}

export type ReceiverOptions = {
  /** Where to listen; any 127.x.y.z address works on Linux. */
  host?: string
  /** Answers to give, in order (then 200); a 3xx answer carries `location`. */
  statuses?: number[]
  location?: string
  /** Serve TLS with the self-signed certificate for `hooks.example.test` in test/fixtures. */
  tls?: boolean
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url))

/**
 * A webhook receiver on loopback that records every request it gets, and with `tls` also the
 * server name (SNI) each TLS client asked for, handshake completed or not.
 */
export async function startReceiver(options: ReceiverOptions = {}) {
  const host = options.host ?? '127.0.0.1'
  const statuses = options.statuses ?? []
  const deliveries: Delivery[] = []
  const serverNames: string[] = []
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      deliveries.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        localAddress: req.socket.localAddress ?? '',
      })
      const status = statuses.shift() ?? 200
      const headers =
        status >= 300 && status < 400 && options.location ? { location: options.location } : {}
      res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end('thanks')
    })
  }
  const key = options.tls ? fixture('self-signed-hooks.key.pem') : undefined
  const cert = options.tls ? fixture('self-signed-hooks.cert.pem') : undefined
  const server = options.tls
    ? createTlsServer(
        {
          key,
          cert,
          SNICallback: (servername, done) => {
            serverNames.push(servername)
            done(null, createSecureContext({ key, cert }))
          },
        },
        handle,
      )
    : createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const address = server.address()
  if (!address || typeof address !== 'object') throw new Error('receiver has no address')
  return {
    port: address.port,
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}/hooks/porchlight`,
    deliveries,
    statuses,
    serverNames,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>
