// The SDK on a server, against the real Porchlight server on a socket (issue 10): a site's own
// backend renders pages for many members with one client, forwarding each member's session
// cookie with each call, as the README's "On a server" section shows. No member's session may
// stay in the client for the next request.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../apps/server/src/config.ts'
import { type NodeServer, startNodeServer } from '../../../apps/server/src/entry/node.ts'
import { createLogger } from '../../../apps/server/src/logger.ts'
import { createSite } from '../../../apps/server/src/sites/service.ts'
import { createClient } from '../src/index.ts'

const siteOrigin = 'https://www.ferns.example'
const password = 'Fern spores drift at dawn 42'

let dataDir: string
let server: NodeServer
let key: string
const cookies: Record<string, string> = {}

/** What a member's browser holds after signing in with cookie sessions: `name=value`. */
async function signIn(email: string, displayName: string): Promise<string> {
  const browser = createClient({ url: server.url, key, session: 'cookie' })
  await browser.auth.register({ email, password, displayName })
  let setCookie: string[] = []
  await browser.request('POST', '/v1/auth/login', {
    body: { email, password, transport: 'cookie' },
    onResponse: (response) => {
      setCookie = response.headers.getSetCookie()
    },
  })
  const cookie = setCookie.find((line) => line.startsWith('porchlight_session='))
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`)
  return cookie.split(';')[0] as string
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'porchlight-sdk-server-side-'))
  const env = { DATABASE_URL: `file:${join(dataDir, 'porchlight.db')}`, DEMO_PAGES: 'false' }
  server = await startNodeServer({
    config: { ...loadConfig(env), port: 0 },
    log: createLogger({ level: 'silent' }),
  })
  const site = await createSite(server.deps, { name: 'Ferns', origins: [siteOrigin] })
  key = site.publishableKey
  cookies.ada = await signIn('ada@example.com', 'Ada')
  cookies.bea = await signIn('bea@example.com', 'Bea')
}, 60_000)

afterAll(async () => {
  await server?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('on a server, one client for every member', () => {
  it('sees each member through their forwarded cookie, and keeps none of them', async () => {
    const client = createClient({ url: server.url, key })
    const heard: unknown[] = []
    client.auth.onChange((user) => heard.push(user))

    const ada = await client.auth.getSession({ headers: { cookie: cookies.ada ?? '' } })
    const bea = await client.auth.getSession({ headers: { cookie: cookies.bea ?? '' } })
    const guest = await client.auth.getSession()

    expect(ada?.account.email).toBe('ada@example.com')
    expect(bea?.account.email).toBe('bea@example.com')
    expect(guest).toBeNull()
    expect(client.auth.user).toBeNull()
    expect(client.session.token).toBeNull()
    expect(heard).toEqual([])
  })

  it('acts for a member with their cookie and the Origin; the cookie alone is refused', async () => {
    const client = createClient({ url: server.url, key })
    const cookie = cookies.ada ?? ''

    // A change riding on a cookie must come from the site's origin (CSRF protection).
    await expect(
      client.auth.updateProfile({ bio: 'Ferns.' }, { headers: { cookie } }),
    ).rejects.toMatchObject({ status: 403, code: 'CROSS_SITE_REQUEST' })

    const account = await client.auth.updateProfile(
      { bio: 'Ferns.' },
      { headers: { cookie, origin: siteOrigin } },
    )
    expect(account).toMatchObject({ email: 'ada@example.com', bio: 'Ferns.' })
    const again = await client.auth.getSession({ headers: { cookie } })
    expect(again?.account.bio).toBe('Ferns.')
    expect(client.auth.user).toBeNull()
  })
})
