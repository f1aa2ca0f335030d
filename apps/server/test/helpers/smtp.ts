// A real SMTP server for tests (smtp-server on 127.0.0.1, AUTH required), that keeps every
// message it accepts and can be stopped and started again on the same port: an outage and a
// recovery, as the app's SMTP transport sees them.
import { SMTPServer } from 'smtp-server'

export type ReceivedMessage = {
  /** The raw message as it arrived. */
  raw: string
  /** Envelope recipients (RCPT TO): who the message really went to, whatever the headers say. */
  recipients: string[]
  /** Every header line in order, name lower-cased, folded lines joined, encoded words decoded. */
  headerLines: [name: string, value: string][]
  /** The last value of each header (name lower-cased). */
  headers: Map<string, string>
  /** Leaf MIME parts by content type (`text/plain`, `text/html`), decoded, line ends `\n`. */
  parts: Map<string, string>
}

export type TestSmtpServer = {
  readonly port: number
  /** `smtp://user:pass@127.0.0.1:port`, for `createSmtpTransport({ url })`. */
  readonly url: string
  readonly running: boolean
  /** Everything accepted so far, across restarts. */
  readonly received: ReceivedMessage[]
  /** Stops listening and drops open connections (clients see the server go away). */
  stop(): Promise<void>
  /** Listens again on the same port. */
  start(): Promise<void>
  /** Resolves once `count` messages have arrived; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>
  /** Stops the server if it runs; call in afterEach, after closing the transport that uses it. */
  close(): Promise<void>
}

export const testSmtpCredentials = { user: 'porchlight', pass: 'p@ss word' }

/**
 * Starts a server on a free port.
 *
 * @example
 * const smtp = await startTestSmtpServer()
 * const mail = createSmtpTransport({ url: smtp.url })
 * await smtp.stop() // … the outage …
 * await smtp.start() // back on the same port
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = []
  let server: SMTPServer | null = null
  let port = 0

  async function start() {
    if (server) return
    // A port given up a moment ago can still be busy for a few milliseconds; retry briefly.
    for (let attempt = 0; ; attempt++) {
      const candidate = createServer(received)
      try {
        await listen(candidate, port)
        server = candidate
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 40) throw error
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
    const address = server.server.address()
    if (!address || typeof address !== 'object') throw new Error('SMTP server has no address')
    port = address.port
  }

  async function stop() {
    const current = server
    if (!current) return
    server = null
    await new Promise<void>((resolve) => current.close(() => resolve()))
  }

  await start()
  const { user, pass } = testSmtpCredentials
  return {
    get port() {
      return port
    },
    get url() {
      return `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`
    },
    get running() {
      return server !== null
    },
    received,
    stop,
    start,
    close: stop,
    async waitForMessages(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `Expected ${count} messages within ${timeoutMs} ms, got ${received.length}`,
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return received.slice()
    },
  }
}

function createServer(received: ReceivedMessage[]) {
  const { user, pass } = testSmtpCredentials
  return new SMTPServer({
    // Plain connection on loopback: no TLS to set up, so AUTH must be allowed without it.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    // Pooled client connections stay open; on stop, cut them after 100 ms instead of 30 s.
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user })
      else callback(new Error('Invalid username or password'))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        received.push({
          raw,
          recipients: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(raw),
        })
        callback()
      })
    },
  })
}

function listen(server: SMTPServer, port: number) {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.server.once('error', onError)
    server.listen(port, '127.0.0.1', () => {
      server.server.off('error', onError)
      resolve()
    })
  })
}

// A small reader for what nodemailer produces (mailparser is not a dependency): headers,
// multipart/alternative, quoted-printable and base64 parts, RFC 2047 encoded words.

function parseMessage(raw: string) {
  const { headerLines, body } = splitHeaders(raw)
  const parts = new Map<string, string>()
  collectParts(new Map(headerLines), body, parts)
  return { headerLines, headers: new Map(headerLines), parts }
}

function splitHeaders(entity: string) {
  const end = entity.indexOf('\r\n\r\n')
  const head = end === -1 ? entity : entity.slice(0, end)
  const body = end === -1 ? '' : entity.slice(end + 4)
  const headerLines: [string, string][] = []
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) {
      headerLines.push([
        line.slice(0, colon).toLowerCase(),
        decodeEncodedWords(line.slice(colon + 1).trim()),
      ])
    }
  }
  return { headerLines, body }
}

function collectParts(headers: Map<string, string>, body: string, parts: Map<string, string>) {
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    for (const section of body.split(`--${boundary}`).slice(1)) {
      if (section.startsWith('--')) break
      const part = splitHeaders(section.replace(/^\r\n/, ''))
      collectParts(new Map(part.headerLines), part.body.replace(/\r\n$/, ''), parts)
    }
    return
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  const decoded =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body
  const name = type.split(';')[0]?.trim().toLowerCase() ?? 'text/plain'
  parts.set(name, decoded.replace(/\r\n/g, '\n'))
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = []
  const source = text.replace(/=\r\n/g, '')
  for (let i = 0; i < source.length; i++) {
    const hex = source[i] === '=' ? source.slice(i + 1, i + 3) : ''
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(source[i] ?? '', 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([QB])\?([^?]*)\?=/gi,
      (_, _charset: string, kind: string, text: string) =>
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
}
