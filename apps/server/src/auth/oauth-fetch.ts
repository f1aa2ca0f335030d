import type { CallbackErrorCode } from './oauth-errors.ts'

// Every request Porchlight makes to a provider (discovery, userinfo, GitHub's API) goes through
// one `fetch`, passed in: the runtime's own on Node and Workers alike. (The code exchange goes
// through arctic, which uses the runtime's `fetch` too.)

export type ProviderFetch = typeof fetch

/**
 * Why a provider step failed: `reason` is for the log only; the member's page is told `code`.
 */
export class ProviderFailure extends Error {
  readonly code: CallbackErrorCode
  constructor(code: CallbackErrorCode, reason: string, options?: { cause?: unknown }) {
    super(reason, options)
    this.name = 'ProviderFailure'
    this.code = code
  }
}

/** A provider that does not answer within this long fails the sign-in instead of hanging it. */
const providerTimeoutMs = 10_000

/** A JSON answer from a provider; anything but a 200 with a JSON object fails. */
export async function providerJson(
  fetchFn: ProviderFetch,
  url: string,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  let res: Response
  try {
    res = await fetchFn(url, {
      headers: { Accept: 'application/json', 'User-Agent': 'Porchlight', ...headers },
      signal: AbortSignal.timeout(providerTimeoutMs),
      // A redirect answers non-200 and fails below ('error' is not a mode workerd supports).
      redirect: 'manual',
    })
  } catch (error) {
    throw new ProviderFailure('OAUTH_PROVIDER_ERROR', `request to ${url} failed`, { cause: error })
  }
  if (res.status !== 200) {
    await res.body?.cancel()
    throw new ProviderFailure('OAUTH_PROVIDER_ERROR', `${url} answered ${res.status}`)
  }
  const body: unknown = await res.json().catch(() => null)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProviderFailure('OAUTH_PROVIDER_ERROR', `${url} answered no JSON object`)
  }
  return body as Record<string, unknown>
}
