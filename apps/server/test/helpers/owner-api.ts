// The owner's side of contact forms in tests: the secret-key API, and submissions made the way a
// plain HTML form makes them (URL-encoded, `?key=pk_…`), so every row a test reads was created
// through the real HTTP path.
import type { Form } from '../../src/contact/queries.ts'
import type { TestApp, TestSite } from './app.ts'
import { bearer, jsonRequest, rows } from './http.ts'

export type OwnerApi = ReturnType<typeof ownerApi>

/**
 * Requests to `/v1/admin…` with the site's secret key.
 *
 * @example
 * const owner = ownerApi(t, site)
 * const form = await owner.createForm({ id: 'contact', name: 'Contact' })
 * const res = await owner.request('/submissions?form=contact')
 */
export function ownerApi(t: TestApp, site: TestSite) {
  const request = (path: string, init: RequestInit = {}) =>
    t.app.request(`/v1/admin${path}`, {
      ...init,
      headers: { ...bearer(site.secretKey), ...(init.headers as Record<string, string>) },
    })
  return {
    request,
    /** A JSON request with the secret key. */
    send: (method: string, path: string, body?: unknown) =>
      request(path, body === undefined ? { method } : jsonRequest(method, body)),
    /** Creates a form and returns it; throws with the answer if the API refused it. */
    async createForm(input: { id: string; name: string; enabled?: boolean; settings?: unknown }) {
      const res = await request('/forms', jsonRequest('POST', input))
      if (res.status !== 201) throw new Error(`createForm: ${res.status} ${await res.text()}`)
      return (await res.json()) as Form
    },
  }
}

/** A plain HTML form post; the answer is a 303 redirect (or an error page). */
export function submitHtml(
  t: TestApp,
  site: TestSite,
  formId: string,
  fields: Record<string, string> | [string, string][],
) {
  return t.app.request(`/v1/forms/${formId}/submissions?key=${site.publishableKey}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
}

/**
 * Submits through the HTML path and returns the stored submission's id. An HTML post answers
 * with a redirect, not the id, so it is read back from storage (insertion order).
 */
export async function submitForId(
  t: TestApp,
  site: TestSite,
  formId: string,
  fields: Record<string, string> | [string, string][],
): Promise<string> {
  const res = await submitHtml(t, site, formId, fields)
  if (res.status !== 303) throw new Error(`submit: ${res.status} ${await res.text()}`)
  const [row] = await rows(
    t.deps.client,
    'SELECT id FROM submissions WHERE site_id = ? ORDER BY rowid DESC LIMIT 1',
    site.id,
  )
  if (!row) throw new Error('submit: nothing was stored')
  return String(row.id)
}

/** Outbox rows of a site, oldest first, with the columns tests assert on. */
export function outboxRows(t: TestApp, site: TestSite) {
  return rows(
    t.deps.client,
    `SELECT id, kind, status, attempts, last_error AS lastError FROM outbox
     WHERE site_id = ? ORDER BY created_at, id`,
    site.id,
  )
}
