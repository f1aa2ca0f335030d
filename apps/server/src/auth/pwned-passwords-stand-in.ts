import { createHash } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

// A local stand-in for Have I Been Pwned's range API (api.pwnedpasswords.com/range/{prefix}),
// for tests only: the real service is on the internet, which tests do not reach. It answers as
// the real one does: `SUFFIX:COUNT` lines for every known hash with the prefix, upper-case hex,
// CRLF, and with `Add-Padding: true` extra lines whose count is 0.

export type PwnedStandIn = {
  /** Base URL to configure (`BREACHED_PASSWORDS_URL`). */
  readonly url: string
  /** Every request received: path and headers. */
  readonly requests: { path: string; headers: IncomingHttpHeaders }[]
  /** `up` answers; `error` answers 503; `hang` never answers. */
  mode: 'up' | 'error' | 'hang'
  close(): Promise<void>
}

export function sha1Upper(text: string): string {
  return createHash('sha1').update(text).digest('hex').toUpperCase()
}

/**
 * @param breached passwords the stand-in knows as breached (count > 0)
 * @param paddedOnly passwords whose hashes appear only as padding lines (count 0)
 */
export async function startPwnedStandIn(
  breached: string[],
  paddedOnly: string[] = [],
): Promise<PwnedStandIn> {
  const lines = [
    ...breached.map((p, i) => ({ hash: sha1Upper(p), count: 1000 + i })),
    ...paddedOnly.map((p) => ({ hash: sha1Upper(p), count: 0 })),
  ]
  const requests: PwnedStandIn['requests'] = []
  const hanging = new Set<() => void>()
  let server: Server | null = null
  let url = ''
  const standIn: PwnedStandIn = {
    get url() {
      return url
    },
    requests,
    mode: 'up',
    async close() {
      for (const end of hanging) end()
      server?.closeAllConnections()
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
      server = null
    },
  }
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers })
    if (standIn.mode === 'hang') {
      hanging.add(() => res.destroy())
      return
    }
    if (standIn.mode === 'error') {
      res.writeHead(503).end('Service Unavailable')
      return
    }
    const prefix = /^\/range\/([0-9A-F]{5})$/.exec(req.url ?? '')?.[1]
    if (!prefix) {
      res.writeHead(400).end('The hash prefix was not in a valid format')
      return
    }
    const body = lines
      .filter((line) => line.hash.startsWith(prefix))
      .map((line) => `${line.hash.slice(5)}:${line.count}`)
    // Some unrelated padding, as the real API adds to even out answer sizes.
    if (req.headers['add-padding'] === 'true') body.push(`${'0'.repeat(35)}:0`)
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(body.join('\r\n'))
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  url = `http://127.0.0.1:${port}`
  return standIn
}
