import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AuthHarness, createAuthHarness } from '../../src/auth/test-helpers.ts'
import { createTestApp, createTestSite } from '../helpers/app.ts'
import { apiError, bearer, jsonRequest, rows } from '../helpers/http.ts'

// The owner sets up "Sign in with …": each preset's fields checked, secrets write-only, the
// callback URL to register shown.

let h: AuthHarness
beforeEach(async () => {
  h = await createAuthHarness({ env: { PUBLIC_URL: 'http://localhost:8787' } })
})
afterEach(() => h.close())

function put(id: string, body: unknown) {
  return h.t.app.request(
    `/v1/admin/sign-in-providers/${id}`,
    jsonRequest('PUT', body, bearer(h.site.secretKey)),
  )
}

function list() {
  return h.t.app.request('/v1/admin/sign-in-providers', { headers: bearer(h.site.secretKey) })
}

const callbackUrl = 'http://localhost:8787/v1/auth/oauth/callback'

it('adds a GitHub provider; the secret is stored, never shown', async () => {
  const res = await put('github', { kind: 'github', clientId: 'Iv1.abc', clientSecret: 's3cret' })
  expect(res.status).toBe(201)
  const view = await res.json()
  expect(view).toEqual({
    id: 'github',
    kind: 'github',
    displayName: 'GitHub',
    clientId: 'Iv1.abc',
    clientSecretSet: true,
    issuer: null,
    options: { privateKeySet: false },
    enabled: true,
    callbackUrl,
    createdAt: expect.any(Number),
    updatedAt: expect.any(Number),
  })
  expect(JSON.stringify(await (await list()).json())).not.toContain('s3cret')
  const [stored] = await rows(h.t.deps.client, 'SELECT client_secret FROM sign_in_providers')
  expect(stored?.client_secret).toBe('s3cret')
  // Changed without a secret: the stored one stays.
  const renamed = await put('github', {
    kind: 'github',
    clientId: 'Iv1.abc',
    displayName: 'GitHub!',
  })
  expect(renamed.status).toBe(200)
  expect(await renamed.json()).toMatchObject({ displayName: 'GitHub!', clientSecretSet: true })
  expect(await (await list()).json()).toEqual({
    providers: [expect.objectContaining({ id: 'github' })],
    callbackUrl,
  })
})

it('removes a provider; a missing one is 404', async () => {
  await put('google', {
    kind: 'google',
    clientId: 'x.apps.googleusercontent.com',
    clientSecret: 's',
  })
  const del = () =>
    h.t.app.request('/v1/admin/sign-in-providers/google', {
      method: 'DELETE',
      headers: bearer(h.site.secretKey),
    })
  expect((await del()).status).toBe(204)
  const again = await del()
  expect(again.status).toBe(404)
  expect(await again.json()).toEqual(apiError('PROVIDER_NOT_FOUND'))
})

describe('refuses a provider missing what it needs', () => {
  it.each([
    ['github', { kind: 'github', clientId: 'a' }, { clientSecret: 'Required.' }],
    ['oidc', { kind: 'oidc', clientId: 'a' }, { issuer: 'Required.' }],
    [
      'oidc',
      { kind: 'oidc', clientId: 'a', issuer: 'http://idp.example' },
      { issuer: expect.stringContaining('https') },
    ],
    ['apple', { kind: 'apple', clientId: 'a' }, { options: expect.any(String) }],
    [
      'apple',
      { kind: 'apple', clientId: 'a', options: { teamId: 'T', keyId: 'K', privateKey: 'nope' } },
      { 'options.privateKey': expect.any(String) },
    ],
    [
      'microsoft',
      { kind: 'microsoft', clientId: 'a', clientSecret: 's', issuer: 'a b' },
      { issuer: expect.any(String) },
    ],
    [
      'google',
      { kind: 'google', clientId: 'a', clientSecret: 's', issuer: 'https://x' },
      { issuer: expect.any(String) },
    ],
    ['Bad_Id', { kind: 'google', clientId: 'a', clientSecret: 's' }, { id: expect.any(String) }],
  ])('%s', async (id, body, fields) => {
    const res = await put(id, body)
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', fields))
    expect(await rows(h.t.deps.client, 'SELECT * FROM sign_in_providers')).toEqual([])
  })
})

it('keeps Apple’s private key write-only', async () => {
  const privateKey = '-----BEGIN PRIVATE KEY-----\nMIGTAgEA\n-----END PRIVATE KEY-----'
  const res = await put('apple', {
    kind: 'apple',
    clientId: 'com.example.web',
    options: { teamId: 'TEAM123', keyId: 'KEY123', privateKey },
  })
  expect(res.status).toBe(201)
  const view = (await res.json()) as Record<string, unknown>
  expect(view.options).toEqual({ teamId: 'TEAM123', keyId: 'KEY123', privateKeySet: true })
  expect(JSON.stringify(view)).not.toContain('BEGIN')
})

it('in production refuses an http issuer, even on this machine', async () => {
  const t = await createTestApp({
    env: { NODE_ENV: 'production', PUBLIC_URL: 'https://api.example' },
  })
  try {
    const site = await createTestSite(t)
    const res = await t.app.request(
      '/v1/admin/sign-in-providers/corp',
      jsonRequest(
        'PUT',
        { kind: 'oidc', clientId: 'a', issuer: 'http://127.0.0.1:9999' },
        bearer(site.secretKey),
      ),
    )
    expect(await res.json()).toEqual(
      apiError('VALIDATION_FAILED', { issuer: 'Must be an https URL.' }),
    )
  } finally {
    await t.close()
  }
})
