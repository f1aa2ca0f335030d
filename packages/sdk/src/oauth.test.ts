// "Sign in with …" through the SDK, against the real app served on a socket and a real OpenID
// provider (oidc-provider on 127.0.0.1, apps/server/test/oauth/): start, the provider's pages,
// the callback, and `complete` with the URL the browser came back to; linked accounts listed
// and the last way in kept.

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { browseUntil } from '../../../apps/server/test/oauth/oidc-provider.ts'
import {
  callbackUrl,
  createOAuthWorld,
  type OAuthWorld,
  publicUrl,
  returnTo,
} from '../../../apps/server/test/oauth/world.ts'
import { failure } from '../test/failure.ts'
import { createAuth } from './auth.ts'
import { createOAuth } from './oauth.ts'
import { memoryStorage } from './storage.ts'

let w: OAuthWorld
let server: Server
let url: string
beforeEach(async () => {
  w = await createOAuthWorld()
  server = createServer(getRequestListener(w.t.app.fetch))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await w.close()
})

/** A browser of the member's, with storage of its own; or a tab of one (its storage given). */
function browser(storage = memoryStorage()) {
  const auth = createAuth({ url, key: w.site.publishableKey, storage })
  return { auth, oauth: createOAuth(auth), storage }
}

/** The provider's pages as `subject`, then the callback: the URL the browser comes back to. */
async function backFromProvider(providerUrl: string, subject: string): Promise<string> {
  w.idp.signInAs(subject)
  const back = await browseUntil(providerUrl, callbackUrl)
  const res = await fetch(`${url}${back.slice(publicUrl.length)}`, { redirect: 'manual' })
  expect(res.status).toBe(303)
  return res.headers.get('location') ?? ''
}

describe('createOAuth', () => {
  it('signs a new member in, lists the provider, and keeps it as the only way in', async () => {
    w.idp.accounts.set('sub-ada', { email: 'ada@example.com', emailVerified: true, name: 'Ada' })
    const { auth, oauth } = browser()
    expect((await auth.methods()).providers).toEqual([
      { id: 'corp', name: 'Corp SSO', kind: 'oidc' },
    ])
    const page = await backFromProvider(await oauth.signIn('corp', { returnTo }), 'sub-ada')
    expect(page.startsWith(`${returnTo}#porchlight_oauth=`)).toBe(true)

    const result = await oauth.complete(page)
    expect(result).toMatchObject({ status: 'signed_in', account: { email: 'ada@example.com' } })
    expect(auth.user?.email).toBe('ada@example.com')
    expect(await oauth.identities.list()).toEqual([
      expect.objectContaining({ provider: 'corp', email: 'ada@example.com' }),
    ])
    expect(await failure(oauth.identities.unlink('corp'))).toMatchObject({
      status: 409,
      code: 'LAST_SIGN_IN_METHOD',
    })
    expect(await failure(oauth.complete(page))).toMatchObject({ code: 'OAUTH_GRANT_INVALID' })
  })

  it('refuses to finish in another browser', async () => {
    w.idp.accounts.set('sub-bo', { email: 'bo@example.com', emailVerified: true })
    const page = await backFromProvider(
      await browser().oauth.signIn('corp', { returnTo }),
      'sub-bo',
    )
    const other = browser()
    expect(await failure(other.oauth.complete(page))).toMatchObject({
      status: 403,
      code: 'OAUTH_OTHER_BROWSER',
    })
    expect(other.auth.user).toBeNull()
  })

  // Regression: every start made a new browser key and overwrote the stored one, so of two
  // sign-ins started in two tabs at once, the first failed with OAUTH_OTHER_BROWSER.
  it('finishes sign-ins started in two tabs of one browser at once', async () => {
    w.idp.accounts.set('sub-cy', { email: 'cy@example.com', emailVerified: true })
    const first = browser()
    const second = browser(first.storage)
    const firstUrl = await first.oauth.signIn('corp', { returnTo })
    const secondUrl = await second.oauth.signIn('corp', { returnTo })
    const firstPage = await backFromProvider(firstUrl, 'sub-cy')
    const secondPage = await backFromProvider(secondUrl, 'sub-cy')
    expect(await first.oauth.complete(firstPage)).toMatchObject({
      status: 'signed_in',
      account: { email: 'cy@example.com' },
    })
    expect(await second.oauth.complete(secondPage)).toMatchObject({
      status: 'signed_in',
      account: { email: 'cy@example.com' },
    })
  })

  it('refuses a grant in another browser that has started sign-ins of its own', async () => {
    w.idp.accounts.set('sub-di', { email: 'di@example.com', emailVerified: true })
    const page = await backFromProvider(
      await browser().oauth.signIn('corp', { returnTo }),
      'sub-di',
    )
    // The other browser keeps a key of its own from its own start: not the first one's.
    const other = browser()
    await other.oauth.signIn('corp', { returnTo })
    expect(await failure(other.oauth.complete(page))).toMatchObject({
      status: 403,
      code: 'OAUTH_OTHER_BROWSER',
    })
    expect(other.auth.user).toBeNull()
  })

  it('answers null without a result, and the provider’s refusal as an error', async () => {
    const { oauth } = browser()
    expect(await oauth.complete(returnTo)).toBeNull()
    expect(
      await failure(oauth.complete(`${returnTo}#porchlight_oauth_error=OAUTH_CANCELLED`)),
    ).toMatchObject({
      status: 0,
      code: 'OAUTH_CANCELLED',
    })
    expect(
      await failure(oauth.complete(`${returnTo}#porchlight_oauth_error=SOMETHING`)),
    ).toMatchObject({
      code: 'OAUTH_PROVIDER_ERROR',
    })
  })
})
