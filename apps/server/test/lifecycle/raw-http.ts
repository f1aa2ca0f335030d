// An HTTP/1.1 client on a bare TCP socket, for tests that must tell apart how a connection
// ended: fetch and node:http report a refused connection, a clean close and a reset all as
// "socket hang up" or "fetch failed".
import { connect, type Socket } from 'node:net'

export type RawRequest = {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
}

export type RawOutcome =
  /** A complete response. */
  | { kind: 'answered'; status: number; headers: Record<string, string>; body: string }
  /** The connection was refused: the server was not listening any more. */
  | { kind: 'refused' }
  /**
   * The server closed the connection cleanly (FIN) before any byte of a response: per the
   * server's promise, the request was never processed.
   */
  | { kind: 'closed-unanswered' }
  /**
   * A TCP reset. On a connection that had carried a response, or after part of a response,
   * this must never happen. On a new connection, before any byte came back, it is what the
   * kernel does to connections it completed but the server had not accepted yet when the server
   * closed its listening socket: refused, in effect.
   */
  | { kind: 'reset'; code: string; bytesReceived: number; fresh: boolean }
  /** A clean close after part of a response: must never happen. */
  | { kind: 'truncated'; bytesReceived: number }

/**
 * One keep-alive connection, reused until the server says `Connection: close` or closes it; the
 * next request then opens a new one, as browsers and HTTP client libraries do.
 *
 * @example
 * const client = new KeepAliveClient(port)
 * const outcome = await client.send({ method: 'GET', path: '/healthz' })
 */
export class KeepAliveClient {
  #socket: Socket | undefined
  #stopWatchingIdle: (() => void) | undefined
  /** Whether the connection used by the last `send` had carried a response before. */
  reused = false
  /** Called when the server ends the idle connection: `true` for a clean close, `false` for a reset. */
  onIdleClose: ((clean: boolean) => void) | undefined

  readonly port: number

  constructor(port: number) {
    this.port = port
  }

  send(request: RawRequest): Promise<RawOutcome> {
    const socket = this.#socket
    this.#stopWatchingIdle?.()
    this.reused = socket !== undefined
    return socket ? exchange(socket, request, this) : this.#connectAndSend(request)
  }

  close() {
    this.keep(undefined)
  }

  /** Called by `exchange` with the connection to reuse, or none. */
  keep(socket: Socket | undefined) {
    this.#stopWatchingIdle?.()
    this.#stopWatchingIdle = undefined
    if (this.#socket && this.#socket !== socket) this.#socket.destroy()
    this.#socket = socket
    if (!socket) return
    // A connection the server closes while it sits idle is simply not reused.
    const gone = (clean: boolean) => {
      if (this.#socket === socket) this.#socket = undefined
      socket.destroy()
      this.onIdleClose?.(clean)
    }
    const ended = () => gone(true)
    const failed = () => gone(false)
    socket.once('end', ended)
    socket.once('error', failed)
    this.#stopWatchingIdle = () => {
      socket.off('end', ended)
      socket.off('error', failed)
    }
  }

  #connectAndSend(request: RawRequest): Promise<RawOutcome> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1')
      const onError = (error: NodeJS.ErrnoException) => {
        resolve(
          error.code === 'ECONNREFUSED'
            ? { kind: 'refused' }
            : { kind: 'reset', code: error.code ?? error.message, bytesReceived: 0, fresh: true },
        )
      }
      socket.once('error', onError)
      socket.once('connect', () => {
        socket.off('error', onError)
        resolve(exchange(socket, request, this))
      })
    })
  }
}

function exchange(socket: Socket, request: RawRequest, owner: KeepAliveClient) {
  return new Promise<RawOutcome>((resolve) => {
    let received = Buffer.alloc(0)
    let settled = false
    const finish = (outcome: RawOutcome, reusable: boolean) => {
      if (settled) return
      settled = true
      socket.off('data', onData)
      socket.off('end', onEnd)
      socket.off('error', onError)
      owner.keep(reusable ? socket : undefined)
      if (!reusable) socket.destroy()
      resolve(outcome)
    }
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const response = parseResponse(received)
      if (!response) return
      const close = response.headers.connection?.toLowerCase() === 'close'
      finish({ kind: 'answered', ...response }, !close)
    }
    const onEnd = () =>
      finish(
        received.length === 0
          ? { kind: 'closed-unanswered' }
          : { kind: 'truncated', bytesReceived: received.length },
        false,
      )
    const onError = (error: NodeJS.ErrnoException) =>
      finish(
        {
          kind: 'reset',
          code: error.code ?? error.message,
          bytesReceived: received.length,
          fresh: !owner.reused,
        },
        false,
      )
    socket.on('data', onData)
    socket.on('end', onEnd)
    socket.on('error', onError)
    socket.write(serialize(request))
  })
}

function serialize({ method, path, headers = {}, body }: RawRequest): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1']
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`
}

/** A complete response in `bytes`, or null while more is to come. */
function parseResponse(bytes: Buffer) {
  const headEnd = bytes.indexOf('\r\n\r\n')
  if (headEnd < 0) return null
  const [statusLine = '', ...headerLines] = bytes
    .subarray(0, headEnd)
    .toString('latin1')
    .split('\r\n')
  const status = Number(statusLine.split(' ')[1])
  const headers: Record<string, string> = {}
  for (const line of headerLines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const rest = bytes.subarray(headEnd + 4)
  if (headers['transfer-encoding']?.toLowerCase() === 'chunked') {
    const body = dechunk(rest)
    return body === null ? null : { status, headers, body }
  }
  const length = status === 204 || status === 304 ? 0 : Number(headers['content-length'] ?? 0)
  if (rest.length < length) return null
  return { status, headers, body: rest.subarray(0, length).toString('utf8') }
}

/** The body of a complete chunked message, or null while chunks are missing. */
function dechunk(bytes: Buffer): string | null {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at)
    if (lineEnd < 0) return null
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16)
    if (size === 0)
      return bytes.indexOf('\r\n', lineEnd + 2) < 0 ? null : Buffer.concat(parts).toString('utf8')
    if (bytes.length < lineEnd + 2 + size + 2) return null
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
}
