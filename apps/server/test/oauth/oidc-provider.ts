import { generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

// A real OpenID provider (the certified `oidc-provider` package) on 127.0.0.1 for the tests of
// "Sign in with …". Its login and consent pages are replaced by one headless step: whoever the
// test named with `signInAs` signs in and consents at once, as a member clicking through would.

export type TestAccount = { email: string | null; emailVerified: boolean; name?: string }

export type TestOidcProvider = {
  issuer: string
  clientId: string
  clientSecret: string
  /** Accounts by subject; tests add and change them. */
  accounts: Map<string, TestAccount>
  /** Who signs in at the next authorization; `null`: the member cancels (access_denied). */
  signInAs(subject: string | null): void
  close(): Promise<void>
}

/** The provider's storage (sessions, codes, grants) in a Map, for one test's life. */
function memoryAdapter() {
  const store = new Map<string, Record<string, unknown>>()
  return class MemoryAdapter {
    readonly model: string
    constructor(model: string) {
      this.model = model
    }
    key(id: string) {
      return `${this.model}:${id}`
    }
    async upsert(id: string, payload: Record<string, unknown>) {
      store.set(this.key(id), payload)
    }
    async find(id: string) {
      return store.get(this.key(id))
    }
    async findByUid(uid: string) {
      return [...store.values()].find((p) => p.uid === uid)
    }
    async findByUserCode(code: string) {
      return [...store.values()].find((p) => p.userCode === code)
    }
    async consume(id: string) {
      const found = store.get(this.key(id))
      if (found) found.consumed = Math.floor(Date.now() / 1000)
    }
    async destroy(id: string) {
      store.delete(this.key(id))
    }
    async revokeByGrantId(grantId: string) {
      for (const [k, p] of store) if (p.grantId === grantId) store.delete(k)
    }
  }
}

export async function startTestOidcProvider(options: {
  redirectUri: string
}): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestAccount>()
  let nextSubject: string | null = null
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const issuer = `http://127.0.0.1:${port}`
  const clientId = 'porchlight-test'
  const clientSecret = 'test-client-secret-that-is-long-enough'
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  })
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-cookie-signing-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    pkce: { required: () => true },
    // Lifetimes in seconds, set so the provider does not print a notice for each default it uses.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    adapter: memoryAdapter(),
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub)
      if (!account) return undefined
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(account.email !== null && { email: account.email }),
          email_verified: account.emailVerified,
          ...(account.name && { name: account.name }),
        }),
      }
    },
  })
  const handle = provider.callback()
  const interact = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res)
    if (nextSubject === null) {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'The member cancelled.',
      })
      return
    }
    const grant = new provider.Grant({
      accountId: nextSubject,
      clientId: String(details.params.client_id),
    })
    grant.addOIDCScope(String(details.params.scope))
    const grantId = await grant.save()
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: nextSubject }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    )
  }
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500
        res.end(String(error))
      })
      return
    }
    handle(req, res)
  })
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs: (subject) => {
      nextSubject = subject
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * A browser following redirects from `url` until one points at `stopAt` (Porchlight's callback),
 * carrying the provider's cookies between its pages. Answers that URL.
 */
export async function browseUntil(url: string, stopAt: string): Promise<string> {
  const found = await browse(url, (next) => next.startsWith(stopAt))
  if (typeof found !== 'string') throw new Error(`${url} led to a form, not to ${stopAt}`)
  return found
}

/** As `browseUntil`, for a provider that answers with a page posting its result (form_post). */
export async function browseToFormPost(
  url: string,
): Promise<{ action: string; fields: Record<string, string> }> {
  const found = await browse(url, () => false)
  if (typeof found === 'string') throw new Error(`${url} led to ${found}, not to a form`)
  return found
}

async function browse(url: string, isEnd: (url: string) => boolean) {
  const cookies = new Map<string, string>()
  let next = url
  for (let hop = 0; hop < 12; hop++) {
    if (isEnd(next)) return next
    const res = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
    const location = res.headers.get('location')
    if (!location && res.status === 200) {
      const page = await res.text()
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1]
      if (!action) throw new Error(`${next} answered a page without a form`)
      const fields: Record<string, string> = {}
      for (const [, name = '', value = ''] of page.matchAll(
        /<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g,
      )) {
        fields[name] = value
      }
      return { action, fields }
    }
    await res.body?.cancel()
    if (!location) throw new Error(`${next} answered ${res.status} without a redirect`)
    next = new URL(location, next).href
  }
  throw new Error(`no end after 12 hops from ${url}`)
}
