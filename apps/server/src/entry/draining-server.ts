import { createServer, type RequestListener, type Server, ServerResponse } from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'

export type DrainOptions = {
  /** Epoch ms after which connections still open are cut off. */
  deadline: number
  /**
   * How long connections that are idle at the start keep being read. A request whose bytes were
   * already on the wire (or in this process's socket buffer) when shutdown began is answered,
   * not lost: 500 ms covers any sane network's round trip plus a busy event loop's delay.
   */
  graceMs?: number
}

export type DrainResult = {
  /** Connections still busy at the deadline, closed with whatever they had not finished. */
  cut: number
}

export interface DrainingServer {
  readonly server: Server
  /** True from the moment `drain` is called: readiness checks answer 503. */
  readonly draining: boolean
  /**
   * Stops accepting connections, answers every request already accepted with
   * `Connection: close`, closes idle connections, and resolves once every connection is closed
   * or the deadline has passed.
   */
  drain(options: DrainOptions): Promise<DrainResult>
}

type Connection = {
  socket: Socket
  /** Requests received on it whose response has not finished. */
  busy: number
  /** Half-closed by us: nothing more is answered on it. */
  closing: boolean
}

/** After our FIN, how long a client gets to close its side before the socket is destroyed. */
const lingerMs = 2000

/**
 * A Node HTTP server that shuts down without resetting a request it accepted.
 *
 * Node's own `server.close()` destroys every connection that looks idle. A keep-alive client may
 * have just sent its next request on one: the bytes sit unread in the socket, and closing a
 * socket with unread data sends a TCP reset. The client sees ECONNRESET and, for a POST, cannot
 * tell whether it was stored. Here shutdown is staged instead (RFC 9112 §9.6):
 *
 * 1. the listening socket closes, so new connections are refused;
 * 2. requests in flight, and any that arrive during a short grace window on connections already
 *    open, are answered in full with `Connection: close`;
 * 3. connections still idle after the window are half-closed (FIN) and read until the client
 *    closes its side. A request that crossed our FIN on the wire is read and dropped, never
 *    processed: the client sees the connection end before any byte of a response, which for
 *    every client means "not processed, safe to retry";
 * 4. at the deadline, whatever is still open is destroyed and counted.
 *
 * A 503 for the requests of step 2 would also be correct HTTP, but it makes every client retry
 * a request this process still had the time to serve.
 *
 * @example
 * const { server, drain } = createDrainingServer(getRequestListener(app.fetch))
 * server.listen(8787)
 * process.once('SIGTERM', () => drain({ deadline: Date.now() + 20_000 }))
 */
export function createDrainingServer(
  listener: RequestListener,
  options: {
    /** The class of each response (`securedServerResponse`: the security headers at its head). */
    ServerResponse?: typeof ServerResponse
  } = {},
): DrainingServer {
  const connections = new Map<Socket, Connection>()
  let draining = false
  let graceOver = false
  let allClosed: (() => void) | undefined

  // Every response whose head is written once draining has begun says `Connection: close`:
  // decided as the head is written, so no response needs tracking. (A set of the responses in
  // flight, to switch them when draining began, got what requests left behind promoted to the
  // old generation, ~0.8 MB per young-generation collection under load, and the repeated
  // collections of the old one made a `/healthz` cost 24.7 µs of CPU instead of 16.1 in one
  // measured run: docs/performance.md, "One layer for the whole app".)
  const Response = options.ServerResponse ?? ServerResponse
  class DrainingResponse extends Response {
    // `writeHead(statusCode, [statusMessage], [headers])`: passed on as it came.
    override writeHead(statusCode: number, ...rest: unknown[]): this {
      if (draining) this.shouldKeepAlive = false
      const writeHead = super.writeHead as (code: number, ...more: unknown[]) => this
      return writeHead.call(this, statusCode, ...rest)
    }
  }

  const server = createServer({ ServerResponse: DrainingResponse }, (req, res) => {
    const connection = connections.get(req.socket)
    if (!connection || connection.closing) {
      // Arrived after our FIN: it cannot be answered, so it must not be processed either.
      req.resume()
      return
    }
    connection.busy++
    res.once('close', () => {
      connection.busy--
      settle(connection)
    })
    listener(req, res)
  })

  server.on('connection', (socket: Socket) => {
    const connection: Connection = { socket, busy: 0, closing: false }
    connections.set(socket, connection)
    socket.once('close', () => {
      connections.delete(socket)
      if (draining && connections.size === 0) allClosed?.()
    })
    // A connection accepted in the instant before the listener closed is treated like any other.
    if (draining) settle(connection)
  })

  /** Half-closes a connection once it has nothing left to answer and the grace window is over. */
  function settle(connection: Connection) {
    if (!draining || !graceOver || connection.busy > 0 || connection.closing) return
    connection.closing = true
    const { socket } = connection
    socket.end()
    const linger = setTimeout(() => socket.destroy(), lingerMs)
    linger.unref()
    socket.once('close', () => clearTimeout(linger))
  }

  async function drain({ deadline, graceMs = 500 }: DrainOptions): Promise<DrainResult> {
    if (draining) throw new Error('drain() was already called')
    draining = true
    // net.Server's close stops listening and nothing else; http.Server's would also destroy
    // the idle connections at once, which is the reset this module exists to avoid.
    NetServer.prototype.close.call(server)

    const everyConnectionClosed = new Promise<void>((resolve) => {
      allClosed = resolve
      if (connections.size === 0) resolve()
    })
    await settledWithin(everyConnectionClosed, Math.min(graceMs, deadline - Date.now()))
    graceOver = true
    for (const connection of connections.values()) settle(connection)
    await settledWithin(everyConnectionClosed, deadline - Date.now())

    const cut = [...connections.values()].filter((c) => c.busy > 0).length
    for (const { socket } of connections.values()) socket.destroy()
    // Also stops Node's timer that checks connections for header and request timeouts.
    server.close()
    return { cut }
  }

  return {
    server,
    get draining() {
      return draining
    },
    drain,
  }
}

/** Waits for `promise`, or `ms` at most; the timer never outlives the wait. */
async function settledWithin(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    promise,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, ms))
    }),
  ])
  clearTimeout(timer)
}
