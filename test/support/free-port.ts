// Shared by the tests of every workspace (server, packages, examples, packaging): it depends on
// nothing of the project, so importing it never ties one package's tests to another's.
import { createServer } from 'node:net'

/**
 * A loopback port nobody listened on a moment ago, for a process that must be told its port
 * (`PORT` must be ≥ 1, and `wrangler dev` wants one too, so the OS cannot pick it for them).
 * The OS picks one and it is let go at once; another process could take it first, a race the
 * tests accept.
 *
 * @example
 * const port = await freePort()
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}
