import { isLocalUrl } from '../config.ts'

/**
 * Whether the Worker runs in production mode for this request.
 *
 * A deployed Worker always does: Cloudflare hands it only requests for its own routes, so their
 * URL names a public host. `wrangler dev` serves it at a loopback address (`localhost`,
 * `127.0.0.1`, `[::1]`), and that is the one case that is development. Going by the host, rather than by a variable, means a deployment made
 * from a fresh clone, with nothing set, is production, and refuses the development mail transport
 * instead of silently sending nothing. `ENVIRONMENT` (or `NODE_ENV`) overrides it when it says
 * `production`, `development` or `test`; production wins if the two disagree.
 *
 * @example
 * productionRequest('https://api.example.com/v1/site', {})        // true
 * productionRequest('http://127.0.0.1:8787/healthz', {})          // false
 */
export function productionRequest(url: string, env: Record<string, unknown>): boolean {
  return explicitMode(env) ?? !isLocalUrl(url)
}

/**
 * The mode the variables set, if any; `undefined` leaves it to the request. A cron run has no
 * request, and is production unless a variable says otherwise.
 */
export function explicitMode(env: Record<string, unknown>): boolean | undefined {
  const said = [env.ENVIRONMENT, env.NODE_ENV].map((value) =>
    typeof value === 'string' ? value.trim().toLowerCase() : undefined,
  )
  if (said.includes('production')) return true
  if (said.some((value) => value === 'development' || value === 'test')) return false
  return undefined
}
