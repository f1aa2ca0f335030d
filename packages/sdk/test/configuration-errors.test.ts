// Issue 15: a page opened at http://127.0.0.1 while its site allows http://localhost said "try
// again later", though the server had named the origin and the fix. `isConfigurationError` tells
// a mistake in the setup from a visitor's, against the real server's answers.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../apps/server/src/config.ts'
import { type NodeServer, startNodeServer } from '../../../apps/server/src/entry/node.ts'
import { createLogger } from '../../../apps/server/src/logger.ts'
import { createSite } from '../../../apps/server/src/sites/service.ts'
import { createClient, isConfigurationError, type PorchlightError } from '../src/index.ts'

const allowed = 'http://localhost:8787'
const elsewhere = 'http://127.0.0.1:8787'

let dataDir: string
let server: NodeServer
let key: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'porchlight-sdk-configuration-'))
  const env = { DATABASE_URL: `file:${join(dataDir, 'porchlight.db')}`, DEMO_PAGES: 'false' }
  server = await startNodeServer({
    config: { ...loadConfig(env), port: 0 },
    log: createLogger({ level: 'silent' }),
  })
  key = (await createSite(server.deps, { name: 'Ferns', origins: [allowed] })).publishableKey
}, 60_000)

afterAll(async () => {
  await server?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The error a call throws (or a failure of the test when it succeeds). */
async function refusal(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.unreachable('the call succeeded'),
    (error: unknown) => error,
  )
}

describe('isConfigurationError against the real server', () => {
  it('is true for a page at an origin the site does not allow, whose message names the fix', async () => {
    const client = createClient({ url: server.url, key })
    const error = await refusal(client.site({ headers: { Origin: elsewhere } }))
    expect(error).toMatchObject({ status: 403, code: 'ORIGIN_NOT_ALLOWED' })
    expect(isConfigurationError(error)).toBe(true)
    expect((error as PorchlightError).message).toBe(
      `The origin ${elsewhere} is not allowed for this site. Allow it with: npx porchlight site origins add ${elsewhere}`,
    )
    // The same client at the allowed origin is fine: the setup, not the server, was wrong.
    expect(await client.site({ headers: { Origin: allowed } })).toMatchObject({ name: 'Ferns' })
  })

  it('is true for an unknown key', async () => {
    const client = createClient({ url: server.url, key: 'pk_not_a_key_of_this_server' })
    const error = await refusal(client.site())
    expect(error).toMatchObject({ status: 401, code: 'INVALID_PUBLISHABLE_KEY' })
    expect(isConfigurationError(error)).toBe(true)
  })

  it('is false for what a visitor did, for a server that is not reached, and for other errors', async () => {
    const client = createClient({ url: server.url, key })
    const wrongPassword = await refusal(
      client.auth.login({ email: 'nobody@example.com', password: 'not the password at all' }),
    )
    expect(wrongPassword).toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect(isConfigurationError(wrongPassword)).toBe(false)
    const unreachable = createClient({ url: 'http://127.0.0.1:9', key, timeout: 2000 })
    const offline = await refusal(unreachable.site())
    expect(offline).toMatchObject({ status: 0, code: 'NETWORK_ERROR' })
    expect(isConfigurationError(offline)).toBe(false)
    expect(isConfigurationError(new Error('ORIGIN_NOT_ALLOWED'))).toBe(false)
    expect(isConfigurationError(undefined)).toBe(false)
  })
})
