import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the test server saw it. */
export interface SeenRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/**
 * Starts a real HTTP server on 127.0.0.1 at a free port, so the SDK goes through real fetch,
 * sockets and headers. `close()` also drops open connections, for handlers that never answer.
 */
export async function startServer(handle: (req: SeenRequest, res: ServerResponse) => void) {
  const seen: SeenRequest[] = []
  const server = createServer(async (req, res) => {
    // Decoded once whole: a character split across two chunks would be garbled chunk by chunk.
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
    seen.push(request)
    handle(request, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Answers with a JSON body. */
export function json(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res
    .writeHead(status, { 'Content-Type': 'application/json', ...headers })
    .end(JSON.stringify(body))
}
