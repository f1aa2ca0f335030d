// The membership rows: checking a session, against better-auth's `get-session` as its
// documentation sets it up (and again with its cookie cache on), and sign-in throughput. Both
// sides hold the same members with the same passwords, signed up through their own code.
import type { Credentials } from './better-auth.ts'
import { cookieHeader, signIn } from './better-auth.ts'
import type { ServerProcess } from './processes.ts'
import type { BenchRequest, BenchSite, Scenario } from './scenarios.ts'

export const authRowNames = {
  session: 'GET /v1/auth/session (vs better-auth get-session)',
  sessionCached: 'GET /v1/auth/session (vs better-auth get-session, cookie cache)',
  signIn: 'POST /v1/auth/login (vs better-auth sign-in/email), no ratio target',
} as const

export type AuthServers = {
  porchlight: ServerProcess
  betterAuth: ServerProcess
  betterAuthCached: ServerProcess
}

/**
 * The rows, once every server runs and knows the members. `signIns`: both sides' concurrent
 * sign-ins, and how many are measured (counted, not timed: see `Scenario.requests`). Each
 * sign-in costs a password hash on both sides, kept as it is (scrypt with each product's own
 * default parameters), so that row has no ratio to reach: it shows what a server signs in per
 * second, and the CPU each sign-in takes.
 */
export async function authScenarios(
  site: BenchSite,
  servers: AuthServers,
  signIns: { connections: number; requests: number },
): Promise<Scenario[]> {
  const [first] = site.members
  if (!first) throw new Error('the bench site has no members')
  const visitor = { 'x-porchlight-key': site.publishableKey, origin: site.origin }
  // A browser's session: signed in once with the cookie transport, the cookie sent back.
  const porchlightCookie = await porchlightSignIn(servers.porchlight, site, first)
  const ownSession: BenchRequest = {
    method: 'GET',
    path: '/v1/auth/session',
    headers: { ...visitor, cookie: porchlightCookie },
  }
  const getSession = (cookie: string): BenchRequest => ({
    method: 'GET',
    path: '/api/auth/get-session',
    headers: { cookie },
  })
  const cached = getSession(await signIn(servers.betterAuthCached, first))
  return [
    {
      name: authRowNames.session,
      porchlight: ownSession,
      baseline: getSession(await signIn(servers.betterAuth, first)),
      against: 'better-auth',
      ownShape: true,
    },
    {
      name: authRowNames.sessionCached,
      porchlight: ownSession,
      baseline: cached,
      against: 'better-auth-cookie-cache',
      ownShape: true,
      // The cached session data lives 5 minutes; a round of the bench can take longer. Past
      // it, better-auth would read its database on every request and the row would measure
      // the default again.
      before: async () => {
        cached.headers = { cookie: await signIn(servers.betterAuthCached, first) }
      },
    },
    {
      name: authRowNames.signIn,
      porchlight: rotatingSignIns('/v1/auth/login', site.members, (n) => ({
        ...visitor,
        'content-type': 'application/json',
        // Each sign-in from an address of its own (TRUST_PROXY=1 on the bench's server), as
        // from many visitors: the login throttle counts per address, and lets all of them by.
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      })),
      baseline: rotatingSignIns('/api/auth/sign-in/email', site.members, () => ({
        'content-type': 'application/json',
        origin: servers.betterAuth.url,
      })),
      against: 'better-auth',
      connections: signIns.connections,
      requests: { warmup: signIns.connections, measured: signIns.requests },
      ownShape: true,
    },
  ]
}

let signIns = 0
/** Sign-ins taking turns over the members, each request from `headers(n)`. */
function rotatingSignIns(
  path: string,
  members: Credentials[],
  headers: (n: number) => Record<string, string>,
): BenchRequest {
  const next = () => {
    const n = signIns++
    const member = members[n % members.length]
    return {
      body: JSON.stringify({ email: member?.email, password: member?.password }),
      headers: headers(n),
    }
  }
  return { method: 'POST', path, ...next(), next }
}

async function porchlightSignIn(
  server: ServerProcess,
  site: BenchSite,
  member: Credentials,
): Promise<string> {
  const res = await fetch(`${server.url}/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-porchlight-key': site.publishableKey,
      origin: site.origin,
    },
    body: JSON.stringify({ ...member, transport: 'cookie' }),
    signal: AbortSignal.timeout(30_000),
  })
  if (!res.ok) throw new Error(`${server.name} sign-in: ${res.status} ${await res.text()}`)
  return cookieHeader(res)
}
