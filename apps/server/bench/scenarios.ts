// The rows of `npm run bench`. Each scenario is one Porchlight request and the request to the
// bare baseline (baseline.ts) that does the same database work. To add a row: add the route to
// baseline.ts, then a scenario here.

export type BenchRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  headers?: Record<string, string>
  body?: string
  /** Called before every request that is sent: a body or headers of its own (merged over). */
  next?: () => { body?: string; headers?: Record<string, string> }
}

export type Scenario = {
  name: string
  porchlight: BenchRequest
  baseline: BenchRequest
}

/** What the bench database holds: one site, made by our own `createSite`, with one form. */
export type BenchSite = {
  id: string
  name: string
  publishableKey: string
  secretKey: string
  origin: string
  /** The contact form the submission row posts to (see contact.ts). */
  formId: string
}

export function scenarios(site: BenchSite): Scenario[] {
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
  ]
}
