import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { asMember, setAuthSettings, signedInMember } from '../../src/auth/test-helpers.ts'
import { apiError, rows } from '../helpers/http.ts'
import {
  complete,
  createOAuthWorld,
  newBrowserKey,
  type OAuthWorld,
  signInThroughProvider,
  throughProvider,
} from './world.ts'

// The member's linked providers: listed, unlinked, and never unlinked when that would leave the
// member no way in. (Which providers `GET /v1/auth/methods` offers: offered-providers.test.ts.)

let w: OAuthWorld
beforeEach(async () => {
  w = await createOAuthWorld()
})
afterEach(() => w.close())

function unlink(token: string, provider = 'corp') {
  return asMember(w, token, `/v1/auth/identities/${provider}`, { method: 'DELETE' })
}

async function identityCount() {
  return (await rows(w.t.deps.client, 'SELECT * FROM member_identities')).length
}

describe('a member who joined through the provider (no password)', () => {
  let token: string
  beforeEach(async () => {
    w.idp.accounts.set('sub-pat', { email: 'pat@example.com', emailVerified: true })
    token = ((await (await signInThroughProvider(w, 'sub-pat')).json()) as { token: string }).token
  })

  it('cannot unlink their only way in', async () => {
    const res = await unlink(token)
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('LAST_SIGN_IN_METHOD'))
    expect(await identityCount()).toBe(1)
  })

  it('can once the site offers emailed sign-in links', async () => {
    await setAuthSettings(w.t, w.site, { emailLinkSignIn: true })
    expect((await unlink(token)).status).toBe(204)
    expect(await identityCount()).toBe(0)
    const list = await asMember(w, token, '/v1/auth/identities')
    expect(await list.json()).toEqual({ identities: [] })
  })

  it('can once another provider the site offers is linked', async () => {
    const put = await w.t.app.request('/v1/admin/sign-in-providers/corp-two', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${w.site.secretKey}` },
      body: JSON.stringify({
        kind: 'oidc',
        issuer: w.idp.issuer,
        clientId: w.idp.clientId,
        clientSecret: w.idp.clientSecret,
      }),
    })
    expect(put.status).toBe(201)
    // Linked directly: the second provider is the same test provider under another id.
    await w.t.deps.client.execute({
      sql: `INSERT INTO member_identities (site_id, provider_id, subject, member_id, created_at)
            SELECT site_id, 'corp-two', 'other', member_id, 0 FROM member_identities`,
      args: [],
    })
    await w.t.deps.client.execute("UPDATE sign_in_providers SET enabled = 0 WHERE id = 'corp-two'")
    expect((await unlink(token)).status).toBe(409)
    await w.t.deps.client.execute("UPDATE sign_in_providers SET enabled = 1 WHERE id = 'corp-two'")
    expect((await unlink(token)).status).toBe(204)
  })
})

it('a member with a password can unlink; an unlinked provider is 404', async () => {
  const token = await signedInMember(w, { email: 'quinn@example.com' })
  w.idp.accounts.set('sub-quinn', { email: 'quinn@elsewhere.example', emailVerified: true })
  const browserKey = newBrowserKey()
  const { grant = '' } = await throughProvider(w, 'sub-quinn', {
    browserKey,
    purpose: 'link',
    token,
  })
  expect((await complete(w, { grant, browserKey }, token)).status).toBe(200)
  expect((await unlink(token)).status).toBe(204)
  const again = await unlink(token)
  expect(again.status).toBe(404)
  expect(await again.json()).toEqual(apiError('IDENTITY_NOT_FOUND'))
})
