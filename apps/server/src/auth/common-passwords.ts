import { commonPasswordsFrontCoded } from './common-passwords.generated.ts'

let common: Set<string> | undefined

/**
 * The shipped list (scripts/common-passwords.ts) back as whole passwords. Decoded on first use
 * rather than at every cold start: most requests, and most Worker isolates, never check a password.
 */
function decode(coded: string): Set<string> {
  const passwords = new Set<string>()
  let previous = ''
  // An entry starts at each capital letter: its code says how much of the previous entry to keep.
  for (const [entry] of coded.matchAll(/[A-Z][^A-Z]*/g)) {
    previous = previous.slice(0, entry.charCodeAt(0) - 65) + entry.slice(1)
    passwords.add(previous)
  }
  return passwords
}

/** The common passwords, decoded once per process (or Worker isolate). */
export function commonPasswords(): ReadonlySet<string> {
  common ??= decode(commonPasswordsFrontCoded)
  return common
}

/**
 * Whether `password` is among the 10,000 most common, in any letter case: the list attackers
 * try first, so it is refused whatever the site's other rules say.
 *
 * @example
 * isCommonPassword('Qwerty123456') // true
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase())
}
