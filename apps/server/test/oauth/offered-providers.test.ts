import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type AuthHarness,
  createAuthHarness,
  keyHeaders,
  siteOrigin,
} from '../../src/auth/test-helpers.ts'
import { siteCacheLifetimeMs } from '../../src/sites/site-cache.ts'
import { createTestSite } from '../helpers/app.ts'
import { bearer, jsonRequest } from '../helpers/http.ts'

// `GET /v1/auth/methods` tells a sign-in form which providers to offer. Every page with
// `<porchlight-auth>` asks, so the list comes from the site cache like the rest of the answer
// (it was read from the database on every call): a change through the owner API shows on the
// next call in the same process; one made elsewhere (another process, the CLI, a direct write)
// within the cache lifetime, never later. The clock is the test's: no sleeps.

let h: AuthHarness
beforeEach(async () => {
  h = await createAuthHarness({ env: { PUBLIC_URL: 'http://localhost:8787' } })
})
afterEach(() => h.close())

async function offered() {
  const res = await h.t.app.request('/v1/auth/methods', { headers: keyHeaders(h.site) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { providers: unknown[] }).providers
}

function owner(method: 'PUT' | 'DELETE', id: string, body?: unknown) {
  return h.t.app.request(
    `/v1/admin/sign-in-providers/${id}`,
    body === undefined
      ? { method, headers: bearer(h.site.secretKey) }
      : jsonRequest(method, body, bearer(h.site.secretKey)),
  )
}

const github = { kind: 'github', clientId: 'Iv1.abc', clientSecret: 's3cret' }

describe('a change through the owner API shows on the next call', () => {
  it('adding, renaming, disabling and removing a provider', async () => {
    // Read first, so the empty list is what this process holds in its cache.
    expect(await offered()).toEqual([])

    expect((await owner('PUT', 'github', github)).status).toBe(201)
    expect(await offered()).toEqual([{ id: 'github', name: 'GitHub', kind: 'github' }])

    expect(
      (await owner('PUT', 'github', { ...github, displayName: 'GitHub (staff)' })).status,
    ).toBe(200)
    expect(await offered()).toEqual([{ id: 'github', name: 'GitHub (staff)', kind: 'github' }])

    expect((await owner('PUT', 'github', { ...github, enabled: false })).status).toBe(200)
    expect(await offered()).toEqual([])

    expect((await owner('PUT', 'github', github)).status).toBe(200)
    expect(await offered()).toHaveLength(1)
    expect((await owner('DELETE', 'github')).status).toBe(204)
    expect(await offered()).toEqual([])
  })

  it('a second provider joins the first, in the order they were added', async () => {
    expect((await owner('PUT', 'github', github)).status).toBe(201)
    expect(await offered()).toHaveLength(1)
    h.clock.advance(1)
    const google = { kind: 'google', clientId: 'g.apps', clientSecret: 'g-secret' }
    expect((await owner('PUT', 'google', google)).status).toBe(201)
    expect(await offered()).toEqual([
      { id: 'github', name: 'GitHub', kind: 'github' },
      { id: 'google', name: 'Google', kind: 'google' },
    ])
  })
})

it('a change made elsewhere shows within the site cache lifetime, never later', async () => {
  expect((await owner('PUT', 'github', github)).status).toBe(201)
  expect(await offered()).toHaveLength(1)
  // Written as another process or the CLI would: nothing tells this process's cache.
  await h.t.deps.client.execute({
    sql: 'UPDATE sign_in_providers SET enabled = 0 WHERE site_id = ?',
    args: [h.site.id],
  })
  expect(await offered()).toHaveLength(1)
  h.clock.advance(siteCacheLifetimeMs - 1)
  expect(await offered()).toHaveLength(1)
  h.clock.advance(1)
  expect(await offered()).toEqual([])
})

it('one site’s providers never show on another’s', async () => {
  expect((await owner('PUT', 'github', github)).status).toBe(201)
  expect(await offered()).toHaveLength(1)
  const other = await createTestSite(h.t, { origins: [siteOrigin] })
  const res = await h.t.app.request('/v1/auth/methods', { headers: keyHeaders(other) })
  expect(((await res.json()) as { providers: unknown[] }).providers).toEqual([])
})
