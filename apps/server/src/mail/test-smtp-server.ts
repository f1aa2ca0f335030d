// Test support (not imported by the app): a real SMTP server from `smtp-server`, and a small
// reader for the RFC 822 text it receives, since mailparser is not a dependency.
import { createServer } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
  /** The raw message as it arrived. */
  raw: string
  /** Envelope recipients (RCPT TO). */
  recipients: string[]
  /** Header names lower-cased, folded lines joined. */
  headers: Map<string, string>
  /** Leaf MIME parts by content type (`text/plain`, `text/html`), decoded. */
  parts: Map<string, string>
}

export type TestSmtpServer = {
  port: number
  received: ReceivedMail[]
  close(): Promise<void>
}

export const smtpUser = { user: 'porchlight', pass: 'p@ss word' }

/** Listens on 127.0.0.1 (port 0 = any free one); requires AUTH PLAIN/LOGIN with `smtpUser`. */
export async function startSmtpServer(port = 0, received: ReceivedMail[] = []) {
  const server = new SMTPServer({
    // Plain connection on loopback: no TLS to set up, so AUTH must be allowed without it.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === smtpUser.user && auth.password === smtpUser.pass) {
        callback(null, { user: auth.username })
      } else {
        callback(new Error('Invalid username or password'))
      }
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  if (!address || typeof address !== 'object') throw new Error('SMTP server has no address')
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies TestSmtpServer
}

/** A port that was free a moment ago and has nothing listening on it now. */
export async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  if (!address || typeof address !== 'object') throw new Error('no port')
  return address.port
}

function parseMessage(raw: string) {
  const { headers, body } = splitHeaders(raw)
  const parts = new Map<string, string>()
  collectParts(headers, body, parts)
  return { headers, parts }
}

function splitHeaders(entity: string) {
  const end = entity.indexOf('\r\n\r\n')
  const head = end === -1 ? entity : entity.slice(0, end)
  const body = end === -1 ? '' : entity.slice(end + 4)
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function collectParts(headers: Map<string, string>, body: string, parts: Map<string, string>) {
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1)
    for (const section of sections) {
      if (section.startsWith('--')) break
      const part = splitHeaders(section.replace(/^\r\n/, ''))
      collectParts(part.headers, part.body.replace(/\r\n$/, ''), parts)
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
  parts.set(
    type.split(';')[0]?.trim().toLowerCase() ?? 'text/plain',
    decoded.replace(/\r\n/g, '\n'),
  )
}

function decodeQuotedPrintable(text: string): string {
  // Literal % first, then =XX → %XX, so decodeURIComponent reassembles multi-byte UTF-8.
  const escaped = text
    .replace(/=\r\n/g, '')
    .replace(/%/g, '%25')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
  return decodeURIComponent(escaped)
}
