// The better-auth servers of the session and sign-in rows (better-auth-server.ts), and what a
// browser does with them: sign up, sign in, and keep the cookies it was given.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, type ServerProcess, startProcess, waitUntilReady } from './processes.ts'

/** The two ways better-auth checks a session: its database (the default) or a signed cookie. */
export type BetterAuthVariant = 'default' | 'cookie-cache'

export type Credentials = { email: string; password: string }

const script = fileURLToPath(new URL('./better-auth-server.ts', import.meta.url))
const exitWithParent = [
  '--import',
  fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url)),
]

/** A better-auth server on a free loopback port, over `<dir>/better-auth-<variant>.db`. */
export async function startBetterAuth(options: {
  dir: string
  variant: BetterAuthVariant
  nodeArgs?: string[]
}): Promise<ServerProcess> {
  const port = await freePort()
  const server = startProcess({
    name: `better-auth (${options.variant})`,
    args: [...exitWithParent, ...(options.nodeArgs ?? []), script],
    env: {
      PORT: String(port),
      DATABASE_FILE: join(options.dir, `better-auth-${options.variant}.db`),
      COOKIE_CACHE: options.variant === 'cookie-cache' ? 'on' : 'off',
    },
    port,
    cwd: options.dir,
  })
  await waitUntilReady(server, '/ok', 30_000)
  return server
}

/** Creates the accounts, one after the other, as its documentation's sign-up form does. */
export async function signUpAll(server: ServerProcess, accounts: Credentials[]): Promise<void> {
  for (const [i, account] of accounts.entries()) {
    const res = await post(server, '/api/auth/sign-up/email', {
      ...account,
      name: `Bench member ${i}`,
    })
    if (!res.ok) throw new Error(`${server.name} sign-up: ${res.status} ${await res.text()}`)
  }
}

/**
 * Signs in and returns the `Cookie` header a browser would send next: the session token and,
 * with the cookie cache on, the signed session data that spares the database.
 */
export async function signIn(server: ServerProcess, account: Credentials): Promise<string> {
  const res = await post(server, '/api/auth/sign-in/email', account)
  if (!res.ok) throw new Error(`${server.name} sign-in: ${res.status} ${await res.text()}`)
  return cookieHeader(res)
}

/** The `Cookie` header that answers a response's `Set-Cookie` headers (names and values). */
export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => pair.includes('=') && !pair.endsWith('='))
    .join('; ')
}

function post(server: ServerProcess, path: string, body: unknown): Promise<Response> {
  return fetch(server.url + path, {
    method: 'POST',
    // better-auth refuses a state change from an origin it does not trust; its own is trusted.
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
}
