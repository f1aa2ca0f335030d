// Issue 9: hostile input must never make the server answer 5xx, show a stack trace or an
// internal message, or answer an API error in anything but the JSON envelope. (A fuzz of 3,000
// requests over every route found `PATCH /v1/account {"avatarUrl":"x"}` answering 500.)
//
// Every route the app registers is called as a guest, a member, a moderator and the owner, with
// bodies and query strings generated from the very zod schemas the route validates with (listed
// by `describeRoutes`), plus malformed bodies and hostile headers. The seed is fixed, so a run is
// repeatable (about 6,500 requests). FUZZ_SEED and FUZZ_RUNS (requests per route and identity,
// twice that for routes with a schema; default 10) widen it, for example:
//
//   FUZZ_RUNS=100 FUZZ_SEED=7 npx vitest run apps/server/test/fuzz/routes.test.ts

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeRoutes, type RouteDescription } from '../../src/http/route-schemas.ts'
import { type FuzzFixture, fuzzFixture, type Identity } from './fixture.ts'
import { type FuzzRequest, requestsFor, toRequest } from './requests.ts'

const seed = Number(process.env.FUZZ_SEED ?? 20261121)
const runs = Number(process.env.FUZZ_RUNS ?? 10)
const identities: Identity[] = ['guest', 'member', 'moderator', 'owner']

// What an error body must never carry: a stack frame, a runtime's or driver's own wording, a path.
const internalDetail =
  /\bat \S+ \(|\bat (file|node):|node_modules|\.ts:\d+|SQLITE_|LibsqlError|ZodError|TypeError|RangeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|undefined is not/

/** Routes whose errors are pages for people: plain HTML form posts. */
const htmlErrorRoutes = new Set(['POST /v1/forms/:formId/submissions'])

let world: FuzzFixture
let routes: RouteDescription[]
let sent = 0
const startedAt = performance.now()

beforeAll(async () => {
  world = await fuzzFixture()
  routes = describeRoutes(world.t.app)
})

afterAll(async () => {
  await world?.t.deps.outbox.kick()
  await world?.t.close()
  console.info(
    `route fuzz: ${sent} requests over ${routes?.length} routes in ${Math.round(performance.now() - startedAt)} ms (seed ${seed}, ${runs} or ${runs * 2} per route and identity)`,
  )
})

async function send(request: FuzzRequest) {
  const { url, init } = toRequest(request, await world.credentials(request.identity, request.path))
  sent++
  const res = await world.t.app.request(url, init)
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() }
}

/** Why the answer is wrong, or `null`. */
function problemWith(
  route: RouteDescription,
  answer: { status: number; type: string; text: string },
): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`
  if (answer.status < 400 || !route.path.startsWith('/v1')) return null
  if (!/^application\/json\b/.test(answer.type)) {
    if (htmlErrorRoutes.has(`${route.method} ${route.path}`) && answer.type.startsWith('text/html'))
      return internalDetail.test(answer.text) ? 'an error page with internal detail' : null
    return `an error as ${answer.type || 'no content type'}, not the JSON envelope`
  }
  let body: { error?: { code?: unknown; message?: unknown; fields?: unknown } }
  try {
    body = JSON.parse(answer.text)
  } catch {
    return 'an error body that is not JSON'
  }
  const error = body.error
  if (typeof error?.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code))
    return `no SCREAMING_SNAKE error code: ${answer.text.slice(0, 300)}`
  if (typeof error.message !== 'string') return 'no error message'
  const messages = [error.message, ...Object.values((error.fields as object) ?? {})].map(String)
  const leak = messages.find((m) => internalDetail.test(m))
  return leak ? `internal detail in an error: ${leak}` : null
}

describe('every route, with generated and hostile input', () => {
  it('lists the routes with the schemas they validate with', () => {
    expect(routes.length).toBeGreaterThan(100)
    const withSchemas = routes.filter((r) => r.json || r.query)
    expect(withSchemas.length).toBeGreaterThan(50)
    expect(routes.find((r) => r.method === 'PATCH' && r.path === '/v1/account')?.json).toBeDefined()
  })

  for (const identity of identities) {
    it(`never answers 5xx, a stack trace or a non-JSON API error, as ${identity}`, async () => {
      let round = 0
      for (const route of routes) {
        // A new rate-limit window for each route, so later routes are not all answered 429.
        world.clock.advance(2 * 3_600_000)
        await fc.assert(
          fc.asyncProperty(requestsFor(route, identity, world), async (request) => {
            const problem = problemWith(route, await send(request))
            if (problem) throw new Error(`${route.method} ${route.path}: ${problem}`)
          }),
          // Routes with schemas get most of the requests: that is where input reaches code.
          {
            seed: seed + round++,
            numRuns: route.json || route.query ? runs * 2 : runs,
            endOnFailure: true,
          },
        )
      }
      expect(world.t.log.lines.filter((line) => line.message === 'unhandled error')).toEqual([])
    }, 120_000)
  }
})
