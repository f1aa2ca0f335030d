/**
 * Set to `true` by wrangler.toml's `[define]`, in the Worker build only. There the list is read
 * from the Worker's static assets (`entry/worker-common-passwords.ts` says where), and this flag
 * lets the bundler drop the import of the list below: ~22 KiB of the Worker's gzip size for a list
 * only registration and password changes read.
 */
declare const PORCHLIGHT_WORKER_BUILD: true | undefined

/** The list, front-coded (scripts/common-passwords.ts), from wherever this runtime keeps it. */
export type CommonPasswordSource = () => Promise<string>

/** Where the build writes the list among the static assets, for a runtime that reads it there. */
export const commonPasswordsAssetPath = 'internal/common-passwords.txt'

const bundled: CommonPasswordSource | undefined =
  typeof PORCHLIGHT_WORKER_BUILD === 'undefined'
    ? async () => (await import('./common-passwords.generated.ts')).commonPasswordsFrontCoded
    : undefined

let source: CommonPasswordSource | undefined = bundled
let common: Promise<ReadonlySet<string>> | undefined

/**
 * Reads the list from `from` instead of the code (the Worker entry, from its static assets).
 *
 * @example readCommonPasswordsFrom(async () => (await env.ASSETS.fetch(url)).text())
 */
export function readCommonPasswordsFrom(from: CommonPasswordSource) {
  source = from
  common = undefined
}

/**
 * The shipped list back as whole passwords. Decoded on first use rather than at every cold
 * start: most requests, and most Worker isolates, never check a password.
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

/**
 * The common passwords, read and decoded once per process (or Worker isolate). A list that
 * cannot be read is an error, never an empty list: a password is not let through unchecked.
 * A failed read is not remembered, so the next check tries again.
 */
export function commonPasswords(): Promise<ReadonlySet<string>> {
  const from = source
  if (!from) {
    return Promise.reject(
      new Error('No common-password list: the Worker has no static assets to read it from.'),
    )
  }
  common ??= from().then(decode, (error: unknown) => {
    common = undefined
    throw error
  })
  return common
}

/**
 * Whether `password` is among the 10,000 most common, in any letter case: the list attackers
 * try first, so it is refused whatever the site's other rules say.
 *
 * @example
 * await isCommonPassword('Qwerty123456') // true
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.toLowerCase())
}
