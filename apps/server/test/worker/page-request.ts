import { expect } from 'vitest'
import { formatLogs, type WorkerHarness } from './worker-harness.ts'

export type PageRequestOptions = {
  body?: unknown
  /** A signed-in member's bearer token. */
  token?: string | undefined
  headers?: Record<string, string>
}

/**
 * What the SDK on a site's page sends into the Worker: the site's publishable key, the page's
 * Origin, a JSON body, and a member's token once signed in.
 *
 * @example
 * const call = (method: string, path: string, options?: PageRequestOptions) =>
 *   pageRequest(w, { key: site.publishableKey, origin }, method, path, options)
 */
export function pageRequest(
  w: WorkerHarness,
  page: { key: string; origin: string },
  method: string,
  path: string,
  options: PageRequestOptions = {},
) {
  return w.fetch(path, {
    method,
    headers: {
      'X-Porchlight-Key': page.key,
      Origin: page.origin,
      ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
      ...(options.token && { Authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  })
}

/**
 * The answer's JSON body, once its status is `status`; a failure shows the body and the Worker's
 * logs, which is where the reason for a surprising answer is.
 *
 * @example
 * const body = await answerWith(w, await call('GET', '/v1/auth/methods'), 200)
 */
export async function answerWith(
  w: WorkerHarness,
  res: Awaited<ReturnType<WorkerHarness['fetch']>>,
  status: number,
) {
  const body = await w.json(res)
  expect(res.status, `${JSON.stringify(body)}\n${formatLogs(w.logs)}`).toBe(status)
  return body
}
