// What stands between the SDK and the real server in the scenario tests: a pass-through on its own
// socket that keeps every request as it arrived (so a test can assert what the SDK sent, exactly
// as it does against the stand-in, which records the same way) and forwards it, byte for byte,
// to the server; the server's answer, status, headers (every Set-Cookie) and body, goes back
// unchanged. It can also serve a browser test's page from the same origin as the API.
import { request as httpRequest, type ServerResponse } from 'node:http'
import { type SeenRequest, startServer } from './server.ts'

/** Serves a page of a browser test and answers true, or answers false to pass the request on. */
export type PageRoute = (req: SeenRequest, res: ServerResponse) => boolean

// Hop-by-hop headers belong to one connection, not to the request: the front's own connection to
// the server sets them. The body was read whole, so its length is known.
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length'])

/**
 * Starts the front for `target` (the server's base URL); `close()` stops the front only, which is
 * how a test makes "the server" unreachable without stopping the server shared by its file.
 *
 * @example
 * const front = await startRecordingFront(server.url)
 * createClient({ url: front.url, key }) // front.seen: every request the client made
 */
export async function startRecordingFront(target: string, pages?: PageRoute) {
  const { hostname, port } = new URL(target)
  return startServer((req, res) => {
    if (pages?.(req, res)) return
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !hopByHop.has(name)) headers[name] = value
    }
    const body = Buffer.from(req.body)
    if (body.length > 0) headers['content-length'] = String(body.length)
    const forwarded = httpRequest(
      { hostname, port, method: req.method, path: req.url, headers },
      (answer) => {
        const answerHeaders: Record<string, string | string[]> = {}
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && name !== 'connection' && name !== 'keep-alive') {
            answerHeaders[name] = value
          }
        }
        res.writeHead(answer.statusCode ?? 502, answerHeaders)
        answer.pipe(res)
      },
    )
    // The server went away mid-test: the SDK sees a dropped connection, as it would without us.
    forwarded.once('error', () => res.destroy())
    forwarded.end(body)
  })
}
