// The rows of `npm run bench`. Each scenario is one Porchlight request and the request to the
// other side: the bare baseline (baseline.ts) doing the same database work, unless `against`
// names another server (better-auth, see auth-rows.ts). To add a row against the baseline: add
// the route to baseline.ts, then a scenario here; against another server, start it in run.ts's
// `otherSides` and give the scenario its name.

export type BenchRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  headers?: Record<string, string>
  body?: string
  /** Called before every request that is sent: a body or headers of its own (merged over). */
  next?: () => { body?: string; headers?: Record<string, string> }
}

/** The servers a row can compare Porchlight with. */
export type OtherSide = 'baseline' | 'better-auth' | 'better-auth-cookie-cache'

export type Scenario = {
  name: string
  porchlight: BenchRequest
  /** The request to the other side: the bare baseline unless `against` says otherwise. */
  baseline: BenchRequest
  against?: OtherSide
  /** Concurrent connections for this row, both sides; default `--connections`. */
  connections?: number
  /**
   * Counted phases instead of `--warmup`/`--duration` seconds, for requests that take long
   * enough to queue (sign-ins): a timed phase ends with requests still queued in the server,
   * whose CPU would be charged to the next phase; a counted one waits for every answer.
   */
  requests?: { warmup: number; measured: number }
  /** Another product answers in its own shape: no warning that the shapes differ. */
  ownShape?: boolean
  /** Runs before the row is measured in each round, e.g. a fresh sign-in (a young cookie). */
  before?: () => Promise<void>
}

/** The row that compares a submission with the least a server can do to store one. */
export const bareInsertRowName = 'POST submissions, proof of work off (vs Hono + zod + one insert)'

/** What the bench database holds: one site (our own `createSite`), its forms, its members. */
export type BenchSite = {
  id: string
  name: string
  publishableKey: string
  secretKey: string
  origin: string
  /** The contact form the submission row posts to (see contact.ts). */
  formId: string
  /** The same form with proof of work off: the bare-insert row posts to it. */
  openFormId: string
  /** Verified members, for the session and sign-in rows (auth-rows.ts). */
  members: { email: string; password: string }[]
}

// Unique across rounds and runs: content that repeats within an hour is marked `duplicate`.
const runTag = Math.random().toString(36).slice(2, 8)
let written = 0
/** A message a person might send, different every time, without proof of work. */
function openSubmission(): string {
  const n = written++
  return JSON.stringify({
    name: `Visitor ${n}`,
    email: `visitor${n}.${runTag}@bench.example`,
    message: `Hello, is the shop open on Sunday (${runTag}-${n})? I would like to pick up an order. Thanks!`,
  })
}

/**
 * The rows against the bare baseline. `writeConnections`: for the bare-insert row, as for the
 * contact row (writes queue on one database lock; more connections only lengthen the queue).
 */
export function scenarios(site: BenchSite, writeConnections = 10): Scenario[] {
  const admin = { authorization: `Bearer ${site.secretKey}` }
  // A browser on the site's own page sends its origin; CORS headers are part of the answer.
  const visitor = { 'x-porchlight-key': site.publishableKey, origin: site.origin }
  return [
    {
      // No database on either side: the cost of Porchlight's middleware alone.
      name: 'GET /healthz (hello world)',
      porchlight: { method: 'GET', path: '/healthz' },
      baseline: { method: 'GET', path: '/hello' },
    },
    {
      name: 'GET /readyz (migration ledger)',
      porchlight: { method: 'GET', path: '/readyz' },
      baseline: { method: 'GET', path: '/readyz' },
    },
    {
      name: 'GET /v1/site (publishable key)',
      porchlight: { method: 'GET', path: '/v1/site', headers: visitor },
      baseline: { method: 'GET', path: '/v1/site', headers: visitor },
    },
    {
      name: 'GET /v1/admin/site (secret key)',
      porchlight: { method: 'GET', path: '/v1/admin/site', headers: admin },
      baseline: { method: 'GET', path: '/v1/admin/site', headers: admin },
    },
    {
      // Porchlight: key, form, validation, rate limits, time trap, duplicate check, the
      // submission and its notification in the database, the mail delivered afterwards. The
      // baseline: Hono, zod validation of the same fields, one INSERT of the submission row.
      name: bareInsertRowName,
      porchlight: openSubmissionRequest(`/v1/forms/${site.openFormId}/submissions`, visitor),
      baseline: openSubmissionRequest(`/bare-insert/${site.openFormId}`, visitor),
      connections: writeConnections,
    },
  ]
}

function openSubmissionRequest(path: string, headers: Record<string, string>): BenchRequest {
  return {
    method: 'POST',
    path,
    headers: { ...headers, 'content-type': 'application/json' },
    body: openSubmission(),
    next: () => ({ body: openSubmission() }),
  }
}
