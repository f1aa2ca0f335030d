import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config.ts'
import { type NodeServer, startNodeServer } from '../../src/entry/node.ts'
import { memoryLogger } from './app.ts'

export type TestNodeServer = NodeServer & {
  /** Sends `path` (with its query) to the server over its socket, redirects not followed. */
  request(path: string, init?: RequestInit): Promise<Response>
}

/**
 * Porchlight served the way production Node serves it: `startNodeServer` itself (the draining
 * server, the response class that writes the security headers into each head, the request
 * listener), on a free port of 127.0.0.1, over a migrated database in a temp file. `close()` also
 * removes the file. Options override config as environment variables would, and deps.
 *
 * @example
 * const server = await startTestNodeServer({ env: { MAIL_TRANSPORT: 'dev' } })
 * const res = await server.request('/healthz')
 */
export async function startTestNodeServer(
  options: { env?: Record<string, string> } & Omit<
    Parameters<typeof startNodeServer>[0],
    'config' | 'client'
  > = {},
): Promise<TestNodeServer> {
  const { env, ...deps } = options
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-node-test-'))
  const config = {
    ...loadConfig({ DATABASE_URL: `file:${join(dir, 'test.db')}`, LOG_LEVEL: 'debug', ...env }),
    // A free port, so test files running side by side never collide.
    port: 0,
  }
  const server = await startNodeServer({ log: memoryLogger(), ...deps, config })
  return {
    ...server,
    // Like `app.request`: an answer is looked at as it was sent, not the page it redirects to.
    request: (path, init) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init }),
    async close(closeOptions) {
      await server.close(closeOptions)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
