import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'

/**
 * The site the console is working on: sent as `X-Porchlight-Site` with every request, which is
 * how the owner API knows which of the operator's sites a request is for. (A header a page on
 * another origin cannot send without a CORS preflight the server never grants.)
 */
let currentSite: string | null = null

export function setCurrentSite(siteId: string | null) {
  currentSite = siteId
}

/** Called when an answer says the operator is no longer signed in (a 401 outside sign-in). */
let onSignedOut: () => void = () => {}

export function whenSignedOut(listener: () => void) {
  onSignedOut = listener
}

const siteHeader: Middleware = {
  onRequest({ request }) {
    if (currentSite) request.headers.set('X-Porchlight-Site', currentSite)
    return request
  },
  onResponse({ response, request }) {
    const path = new URL(request.url).pathname
    // A session that ended (timed out, signed out elsewhere, reset by an admin) ends here too;
    // sign-in's own refusals are answers for its form.
    if (response.status === 401 && !path.startsWith('/v1/operator/sign-in')) onSignedOut()
    return response
  },
}

/**
 * The API's client, typed from the OpenAPI document (schema.d.ts): a route whose request or
 * answer changes in a way a page does not expect fails `tsc`. Same origin: the operator's
 * cookie goes with every request, and the server checks each unsafe request's Origin.
 *
 * @example
 * const { data, error } = await api.GET('/v1/admin/forms')
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? 'http://localhost',
  credentials: 'same-origin',
})
api.use(siteHeader)
