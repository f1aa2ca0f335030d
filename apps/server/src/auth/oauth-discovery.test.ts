import { describe, expect, it } from 'vitest'
import { discoverProvider, issuerProblem } from './oauth-discovery.ts'
import type { ProviderFetch } from './oauth-fetch.ts'

// OpenID discovery's rules. The whole flow against a real provider is in test/oauth/; here a
// stand-in for a provider on the internet (behind the `ProviderFetch` interface) serves the
// documents real providers serve, which the tests cannot reach.

/** A stand-in provider answering one discovery document, counting the requests it got. */
function standInProvider(doc: Record<string, unknown>) {
  const asked: string[] = []
  const fetchFn: ProviderFetch = async (input) => {
    asked.push(String(input))
    return new Response(JSON.stringify(doc), { headers: { 'Content-Type': 'application/json' } })
  }
  return { fetchFn, asked }
}

const endpoints = (base: string) => ({
  authorization_endpoint: `${base}/authorize`,
  token_endpoint: `${base}/oauth/token`,
  userinfo_endpoint: `${base}/userinfo`,
})

let now = Date.UTC(2026, 11, 7)
const options = () => ({ production: true, now: (now += 3_600_000) })

describe('discoverProvider', () => {
  it('takes an issuer written with a trailing slash, as Auth0 writes it, either way round', async () => {
    // Regression: the owner's "https://tenant.example" against a document naming
    // "https://tenant.example/" failed every sign-in.
    const base = 'https://slash.example'
    const provider = standInProvider({ issuer: `${base}/`, ...endpoints(base) })
    const found = await discoverProvider(provider.fetchFn, base, options())
    expect(found).toEqual({
      issuer: `${base}/`,
      authorization: `${base}/authorize`,
      token: `${base}/oauth/token`,
      userinfo: `${base}/userinfo`,
    })
    expect(provider.asked).toEqual([`${base}/.well-known/openid-configuration`])
  })

  it('refuses a document that names another issuer', async () => {
    const provider = standInProvider({
      issuer: 'https://evil.example',
      ...endpoints('https://evil.example'),
    })
    await expect(
      discoverProvider(provider.fetchFn, 'https://honest.example', options()),
    ).rejects.toMatchObject({ code: 'OAUTH_PROVIDER_ERROR' })
  })

  it('refuses plain http endpoints in production', async () => {
    const base = 'https://mixed.example'
    const provider = standInProvider({ issuer: base, ...endpoints('http://mixed.example') })
    await expect(discoverProvider(provider.fetchFn, base, options())).rejects.toMatchObject({
      code: 'OAUTH_PROVIDER_ERROR',
    })
  })

  it('asks once within a few minutes', async () => {
    const base = 'https://cached.example'
    const provider = standInProvider({ issuer: base, ...endpoints(base) })
    const at = { production: true, now: Date.UTC(2027, 0, 1) }
    await discoverProvider(provider.fetchFn, base, at)
    await discoverProvider(provider.fetchFn, base, { ...at, now: at.now + 4 * 60_000 })
    expect(provider.asked).toHaveLength(1)
    await discoverProvider(provider.fetchFn, base, { ...at, now: at.now + 6 * 60_000 })
    expect(provider.asked).toHaveLength(2)
  })
})

describe('issuerProblem', () => {
  it.each([
    ['https://idp.example', true, null],
    ['http://idp.example', false, 'Must be an https URL (or http on this machine).'],
    ['http://127.0.0.1:8080', false, null],
    ['http://localhost:8080', true, 'Must be an https URL.'],
    ['https://idp.example/?tenant=x', true, 'An issuer URL has no query or fragment.'],
    ['idp.example', true, 'Not a URL.'],
  ])('%s (production %s): %s', (issuer, production, problem) => {
    expect(issuerProblem(issuer, production)).toBe(problem)
  })
})
