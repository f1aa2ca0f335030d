/** Says whether a password appears in known breaches. Sites switch it on per site. */
export interface BreachedPasswordChecker {
  isBreached(password: string): Promise<boolean>
}

export type PwnedPasswordsOptions = {
  /** The range API's base; tests point it at a local stand-in. */
  baseUrl?: string
  fetch?: typeof fetch
  /** How long to wait for the API before giving up (and letting the password through). */
  timeoutMs?: number
  /** Called when the API could not be asked; the password is then treated as not breached. */
  onUnavailable?: (error: unknown) => void
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
}

/**
 * Have I Been Pwned's Pwned Passwords, through its k-anonymity range API: only the first five
 * hex digits of the password's SHA-1 leave the server, and the answer lists every breached hash
 * with that prefix (hundreds), so the API never learns which password was checked.
 * `Add-Padding` pads each answer with zero-count entries to a similar size, so even its length
 * tells an observer of the connection nothing; those entries are ignored.
 *
 * When the API cannot be reached the password counts as NOT breached (and `onUnavailable` is
 * told): the check is a second line behind the shipped common-password list, and failing closed
 * would stop every registration and password change on every site whenever a third party is
 * down, an outage the operator can neither prevent nor fix.
 *
 * @example createPwnedPasswordsChecker({ onUnavailable: (e) => log.warn('pwned passwords down') })
 */
export function createPwnedPasswordsChecker(
  options: PwnedPasswordsOptions = {},
): BreachedPasswordChecker {
  const baseUrl = (options.baseUrl ?? 'https://api.pwnedpasswords.com').replace(/\/+$/, '')
  const fetchRange = options.fetch ?? ((input, init) => fetch(input, init))
  const timeoutMs = options.timeoutMs ?? 3000
  return {
    async isBreached(password) {
      const hash = await sha1Hex(password)
      const prefix = hash.slice(0, 5)
      const suffix = hash.slice(5)
      let body: string
      try {
        const res = await fetchRange(`${baseUrl}/range/${prefix}`, {
          headers: { 'Add-Padding': 'true', 'User-Agent': 'Porchlight' },
          signal: AbortSignal.timeout(timeoutMs),
        })
        if (!res.ok) throw new Error(`pwned passwords answered ${res.status}`)
        body = await res.text()
      } catch (error) {
        options.onUnavailable?.(error)
        return false
      }
      for (const line of body.split('\n')) {
        const [lineSuffix, count] = line.trim().split(':')
        if (lineSuffix?.toUpperCase() === suffix && Number(count) > 0) return true
      }
      return false
    },
  }
}
