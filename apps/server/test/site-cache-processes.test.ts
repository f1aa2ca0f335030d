// Each process keeps what requests read about their site (keys, origins, settings, forms) for a
// few seconds (sites/site-cache.ts). Two app instances over one database file stand for two
// processes: a change made through one is seen by that one at once, and by the other once the
// cache lifetime has passed — never later. The clock is the test's: no sleeps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'
import { type AppDeps, createDeps } from '../src/deps.ts'
import { openDatabase } from '../src/entry/node.ts'
import { forumSettingsOf } from '../src/forum/context.ts'
import { parseSecretKey } from '../src/sites/keys.ts'
import { siteScope } from '../src/sites/scope.ts'
import { siteCacheLifetimeMs } from '../src/sites/site-cache.ts'
import {
  createTestApp,
  createTestSite,
  manualClock,
  memoryLogger,
  type TestApp,
  type TestSite,
} from './helpers/app.ts'
import { bearer, jsonRequest } from './helpers/http.ts'
import { fastPasswords } from './helpers/members.ts'
import { ownerApi } from './helpers/owner-api.ts'

const origin = 'https://bakery.example'

let clock: ReturnType<typeof manualClock>
let first: TestApp
/** A second process: its own deps (and so its own cache) over the same database file. */
let second: { app: ReturnType<typeof createApp>; deps: AppDeps }
let closeSecond: () => void
let site: TestSite

beforeEach(async () => {
  clock = manualClock()
  first = await createTestApp({ clock, passwords: fastPasswords })
  const client = await openDatabase(first.config.database)
  closeSecond = () => client.close()
  const deps = createDeps({
    config: first.config,
    client,
    clock,
    log: memoryLogger(),
    passwords: fastPasswords,
    socketAddress: () => '203.0.113.9',
  })
  second = { app: createApp(deps), deps }
  site = await createTestSite(first, { name: 'Bakery', origins: [origin] })
})
afterEach(async () => {
  closeSecond()
  await first.close()
})

type Process = { app: { request: TestApp['app']['request'] }; deps: AppDeps }

/** What a page with the site's key sees of the site: 200 with its name, or the error code. */
async function publicView(p: Process, key = site.publishableKey, from = origin) {
  const res = await p.app.request('/v1/site', {
    headers: { 'X-Porchlight-Key': key, Origin: from },
  })
  const body = (await res.json()) as { name?: string; error?: { code: string } }
  return res.status === 200 ? body.name : body.error?.code
}

/** Both processes have read the site, so each holds it in its cache. */
async function warmBoth(check: (p: Process) => Promise<unknown>) {
  await check(first)
  await check(second)
}

/** Moves time to just before, then just past, the end of the cache lifetime. */
async function expectSeenWithinLifetime(
  check: (p: Process) => Promise<unknown>,
  before: unknown,
  after: unknown,
) {
  // The process that made the change sees it at once.
  expect(await check(first)).toEqual(after)
  // The other still answers from its cache, at most for the lifetime…
  expect(await check(second)).toEqual(before)
  clock.advance(siteCacheLifetimeMs - 1)
  expect(await check(second)).toEqual(before)
  // …and no longer.
  clock.advance(1)
  expect(await check(second)).toEqual(after)
}

describe('a change made by one process', () => {
  it('renaming the site', async () => {
    await warmBoth((p) => publicView(p))
    const res = await ownerApi(first, site).send('PATCH', '/site', { name: 'Bread & Co' })
    expect(res.status).toBe(204)
    await expectSeenWithinLifetime((p) => publicView(p), 'Bakery', 'Bread & Co')
  })

  it('allowing a new origin', async () => {
    const shop = 'https://shop.bakery.example'
    const fromShop = (p: Process) => publicView(p, site.publishableKey, shop)
    await warmBoth(fromShop)
    const res = await ownerApi(first, site).send('POST', '/origins', { origin: shop })
    expect(res.status).toBe(201)
    await expectSeenWithinLifetime(fromShop, 'ORIGIN_NOT_ALLOWED', 'Bakery')
  })

  it('removing an origin', async () => {
    await warmBoth((p) => publicView(p))
    const res = await ownerApi(first, site).request(`/origins/${encodeURIComponent(origin)}`, {
      method: 'DELETE',
    })
    expect(res.status).toBe(204)
    await expectSeenWithinLifetime((p) => publicView(p), 'Bakery', 'ORIGIN_NOT_ALLOWED')
  })

  it('rotating the publishable key: the old one stops working', async () => {
    await warmBoth((p) => publicView(p))
    const res = await ownerApi(first, site).send('POST', '/publishable-key/rotate')
    expect(res.status).toBe(200)
    const { publishableKey } = (await res.json()) as { publishableKey: string }
    await expectSeenWithinLifetime((p) => publicView(p), 'Bakery', 'INVALID_PUBLISHABLE_KEY')
    expect(await publicView(second, publishableKey)).toBe('Bakery')
  })

  it('revoking a secret key: refused at once here, within the lifetime elsewhere', async () => {
    const created = await ownerApi(first, site).send('POST', '/keys', { label: 'CI' })
    const { key } = (await created.json()) as { key: string }
    const withOldKey = async (p: Process) =>
      (await p.app.request('/v1/admin/site', { headers: bearer(site.secretKey) })).status
    await warmBoth(withOldKey)
    const id = parseSecretKey(site.secretKey)?.id
    const revoked = await first.app.request(`/v1/admin/keys/${id}`, {
      method: 'DELETE',
      headers: bearer(key),
    })
    expect(revoked.status).toBe(204)
    await expectSeenWithinLifetime(withOldKey, 200, 401)
  })

  it('closing a form: its challenge answers 404', async () => {
    await ownerApi(first, site).createForm({ id: 'contact', name: 'Contact' })
    const challenge = async (p: Process) =>
      (
        await p.app.request('/v1/forms/contact/challenge', {
          headers: { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
        })
      ).status
    await warmBoth(challenge)
    const res = await ownerApi(first, site).send('PATCH', '/forms/contact', { enabled: false })
    expect(res.status).toBe(200)
    await expectSeenWithinLifetime(challenge, 200, 404)
  })

  it('membership settings: a shorter minimum password length', async () => {
    let n = 0
    const register = async (p: Process) => {
      const res = await p.app.request(
        '/v1/auth/register',
        jsonRequest(
          'POST',
          { email: `m${n++}@example.com`, password: 'nine-char', displayName: 'M' },
          { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
        ),
      )
      return res.status
    }
    await warmBoth(register)
    const res = await ownerApi(first, site).send('PATCH', '/auth-settings', {
      passwordMinLength: 8,
    })
    expect(res.status).toBe(200)
    await expectSeenWithinLifetime(register, 422, 202)
  })

  it('discussion settings', async () => {
    const scope = siteScope(site.id)
    const maxPostLength = async (p: Process) => (await forumSettingsOf(p.deps, scope)).maxPostLength
    await warmBoth(maxPostLength)
    const res = await ownerApi(first, site).send('PATCH', '/forum/settings', {
      maxPostLength: 500,
    })
    expect(res.status).toBe(200)
    await expectSeenWithinLifetime(maxPostLength, 20_000, 500)
  })
})
