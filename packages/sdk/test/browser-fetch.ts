// Node's fetch keeps no cookies and names no page. This wrapper behaves as a browser showing a
// page of `pageOrigin` does with a cross-origin API: every request carries `Origin` (the server
// checks it against the site's origins, and refuses cookie-borne changes without it), `Set-Cookie`
// answers go into a jar, and the cookies go back only on requests made with
// `credentials: 'include'`. It records every RequestInit, so tests can assert what was asked.

/** A fetch with a cookie jar, and the `init` of every call made through it. */
export function browserFetch(pageOrigin: string) {
  const jar = new Map<string, string>()
  const calls: RequestInit[] = []
  const wrapped: typeof fetch = async (input, init = {}) => {
    calls.push(init)
    const headers = new Headers(init.headers)
    headers.set('Origin', pageOrigin)
    if (init.credentials === 'include' && jar.size > 0) {
      headers.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    }
    const response = await fetch(input, { ...init, headers })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (/Max-Age=0/i.test(cookie) || value === '') jar.delete(name)
      else jar.set(name, value)
    }
    return response
  }
  return { fetch: wrapped, jar, calls }
}
