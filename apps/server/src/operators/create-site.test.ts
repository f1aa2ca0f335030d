import { afterEach, describe, expect, it } from 'vitest'
import { apiError, bearer, everyStoredValue, rows } from '../../test/helpers/http.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  consolePost,
  createConsoleHarness,
  signInAs,
} from '../../test/helpers/operators.ts'

// `POST /v1/operator/sites`: a new site from the console. Its creator owns it, its first secret
// key is shown once and works, and only deployment admins and owners of a site may make one.

let h: ConsoleHarness
afterEach(async () => {
  await h.close()
})

type CreatedSite = { id: string; name: string; publishableKey: string; secretKey: string }

const siteCount = async () =>
  Number((await rows(h.t.client, 'SELECT count(*) AS n FROM sites'))[0]?.n)

describe('an owner of a site', () => {
  it('creates one they own, with a secret key shown once that works', async () => {
    h = await createConsoleHarness()
    const ann = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const cookie = await signInAs(h, ann)
    const res = await consolePost(
      h,
      '/v1/operator/sites',
      { name: 'Bakery', origins: ['https://bakery.example'] },
      cookie,
    )
    expect(res.status).toBe(201)
    const site = (await res.json()) as CreatedSite
    expect(site).toEqual({
      id: expect.stringMatching(/^site_/),
      name: 'Bakery',
      publishableKey: expect.stringMatching(/^pk_/),
      secretKey: expect.stringMatching(/^sk_/),
    })

    // The key works on the owner API, and only its hash is kept.
    const byKey = await h.t.app.request('/v1/admin/site', { headers: bearer(site.secretKey) })
    expect(byKey.status).toBe(200)
    expect(await byKey.json()).toMatchObject({ id: site.id, origins: ['https://bakery.example'] })
    expect((await everyStoredValue(h.t.client)).join('\n')).not.toContain(site.secretKey)

    // The creator is its owner, from the console as well.
    const session = await asOperator(h, cookie, site.id, 'GET', '/v1/operator/session')
    expect(((await session.json()) as { sites: unknown[] }).sites).toEqual([
      { id: site.id, name: 'Bakery', role: 'owner' },
      { id: h.site.id, name: 'Site A', role: 'owner' },
    ])
    expect((await asOperator(h, cookie, site.id, 'GET', '/v1/admin/operators')).status).toBe(200)
    expect(
      await rows(
        h.t.client,
        "SELECT site_id, actor_id, summary FROM audit_log WHERE action = 'POST /v1/operator/sites'",
      ),
    ).toEqual([{ site_id: site.id, actor_id: ann.id, summary: 'Create a site' }])
  })

  it('gets every bad field named, and no site', async () => {
    h = await createConsoleHarness()
    const ann = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const cookie = await signInAs(h, ann)
    const res = await consolePost(
      h,
      '/v1/operator/sites',
      { name: '', origins: ['not an origin'] },
      cookie,
    )
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } }
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(body.error.fields).sort()).toEqual(['name', 'origins.0'])
    expect(await siteCount()).toBe(1)
  })
})

describe('a deployment admin', () => {
  it('creates a site without having any', async () => {
    h = await createConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
    const root = await addOperator(h, { email: 'root@example.com', admin: true })
    const cookie = await signInAs(h, root)
    const res = await consolePost(h, '/v1/operator/sites', { name: 'First', origins: [] }, cookie)
    expect(res.status).toBe(201)
    expect(await siteCount()).toBe(2)
  })
})

describe('others', () => {
  it('are refused with 403 ROLE_FORBIDDEN: an editor, a viewer, a restricted session, a visitor', async () => {
    h = await createConsoleHarness()
    const ed = await addOperator(h, { email: 'ed@example.com', roles: { [h.site.id]: 'editor' } })
    const vic = await addOperator(h, { email: 'vic@example.com', roles: { [h.site.id]: 'viewer' } })
    const body = { name: 'Mine now', origins: [] }
    for (const operator of [ed, vic]) {
      const res = await consolePost(h, '/v1/operator/sites', body, await signInAs(h, operator))
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ROLE_FORBIDDEN')
    }
    // An owner who has not set TOTP up yet may only do that.
    const bo = await addOperator(h, { email: 'bo@example.com', roles: { [h.site.id]: 'owner' } })
    const restricted = await consolePost(h, '/v1/operator/sites', body, await signInAs(h, bo))
    expect(restricted.status).toBe(403)
    expect(await restricted.json()).toEqual(apiError('TOTP_SETUP_REQUIRED'))
    const anonymous = await consolePost(h, '/v1/operator/sites', body)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
    expect(await siteCount()).toBe(1)
  })
})
