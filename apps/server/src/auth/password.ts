import { scrypt, timingSafeEqual } from 'node:crypto'
import { decodeBase64, encodeBase64 } from '@oslojs/encoding'

// scrypt from node:crypto: native on Node and on Workers (nodejs_compat), unlike Argon2, and
// without PBKDF2's 100k-iteration cap on Workers. N=2^14, r=8, p=5 is an OWASP setting that
// stays within Workers' limit of N·r·p ≤ 2^20 and 128 MB per isolate: 16 MiB per hash.

export type ScryptParams = { logN: number; r: number; p: number }

export const currentParams: ScryptParams = { logN: 14, r: 8, p: 5 }
const keyLength = 32

function derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )
}

/** `$scrypt$ln=14,r=8,p=5$<salt>$<hash>`: the parameters travel with the hash. */
function format(params: ScryptParams, salt: Uint8Array, hash: Uint8Array) {
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${encodeBase64(salt)}$${encodeBase64(hash)}`
}

function parse(
  stored: string,
): { params: ScryptParams; salt: Uint8Array; hash: Uint8Array } | null {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([^$]+)\$([^$]+)$/.exec(stored)
  if (!match) return null
  const [, logN, r, p, salt, hash] = match
  try {
    return {
      params: { logN: Number(logN), r: Number(r), p: Number(p) },
      salt: decodeBase64(salt ?? ''),
      hash: decodeBase64(hash ?? ''),
    }
  } catch {
    return null
  }
}

/**
 * Bounds how many hashes run at once. Each takes ~250 ms of a core and 16 MiB; unbounded, a
 * flood of logins would take every core and every libuv thread and starve all other requests.
 * Waiters queue in order; the queue itself is bounded by the login rate limits upstream.
 */
export function createConcurrencyLimit(max: number) {
  let running = 0
  const waiting: (() => void)[] = []
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await work()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}

export type PasswordHasher = {
  hash(password: string): Promise<string>
  /** Constant-time comparison; `false` for a malformed stored hash. */
  verify(password: string, stored: string): Promise<boolean>
  /** Whether a stored hash uses other parameters than today's, so login should rehash it. */
  needsRehash(stored: string): boolean
}

export function createPasswordHasher(options: {
  maxConcurrent: number
  params?: ScryptParams
}): PasswordHasher {
  const params = options.params ?? currentParams
  const limit = createConcurrencyLimit(options.maxConcurrent)
  return {
    hash: (password) =>
      limit(async () => {
        const salt = crypto.getRandomValues(new Uint8Array(16))
        return format(params, salt, await derive(password, salt, params))
      }),
    verify: (password, stored) =>
      limit(async () => {
        const parsed = parse(stored)
        if (!parsed) return false
        const computed = await derive(password, parsed.salt, parsed.params)
        return computed.length === parsed.hash.length && timingSafeEqual(computed, parsed.hash)
      }),
    needsRehash: (stored) => {
      const parsed = parse(stored)
      return (
        !parsed ||
        parsed.params.logN !== params.logN ||
        parsed.params.r !== params.r ||
        parsed.params.p !== params.p
      )
    },
  }
}
