// The solvers that src/pow.ts was measured against (scripts/pow-bench.ts): not shipped. Each
// takes the same challenge and fails the same way, so the bench compares like with like, and
// the size of each is what it would add to the SDK.
import { clientError } from '../src/errors.ts'
import type { Challenge } from '../src/pow.ts'

/** Like src/pow.ts: a yield to the page through setTimeout once 25 ms have passed. */
function timeSlicer(signal?: AbortSignal) {
  let sliceStart = 0
  return async () => {
    if (Date.now() - sliceStart > 25) {
      await new Promise((resolve) => setTimeout(resolve))
      if (signal?.aborted) throw clientError('ABORTED', 'The request was aborted')
      sliceStart = Date.now()
    }
  }
}

/** src/pow.ts without its yields: how fast the loop could be, and how it freezes the page. */
export async function solveWithoutYields(
  { algorithm, challenge, maxnumber, salt }: Challenge,
  signal?: AbortSignal,
): Promise<number> {
  const encoder = new TextEncoder()
  for (let number = 0; number <= maxnumber; number++) {
    if (signal?.aborted) throw clientError('ABORTED', 'The request was aborted')
    const digest = await crypto.subtle.digest(algorithm, encoder.encode(salt + number))
    if (
      new Uint8Array(digest).every(
        (byte, i) => byte === parseInt(challenge.slice(2 * i, 2 * i + 2), 16),
      )
    ) {
      return number
    }
  }
  throw clientError('CHALLENGE_FAILED', `No solution up to ${maxnumber}`)
}

/** Web Crypto with `batch` digests in flight at once (Promise.all) instead of one. */
export async function solveBatched(
  { algorithm, challenge, maxnumber, salt }: Challenge,
  signal?: AbortSignal,
  batch = 100,
): Promise<number> {
  const encoder = new TextEncoder()
  const slice = timeSlicer(signal)
  for (let start = 0; start <= maxnumber; start += batch) {
    await slice()
    const digests = []
    for (let n = start; n < start + batch && n <= maxnumber; n++) {
      digests.push(crypto.subtle.digest(algorithm, encoder.encode(salt + n)))
    }
    const found = (await Promise.all(digests)).findIndex((digest) =>
      new Uint8Array(digest).every(
        (byte, i) => byte === parseInt(challenge.slice(2 * i, 2 * i + 2), 16),
      ),
    )
    if (found >= 0) return start + found
  }
  throw clientError('CHALLENGE_FAILED', `No solution up to ${maxnumber}`)
}

/**
 * SHA-256's round constants (the first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes) and initial hash (square roots, first 8): computed, not listed, to keep the
 * code small.
 */
function roundConstants(): { K: number[]; H: number[] } {
  const K: number[] = []
  const H: number[] = []
  const fraction = (x: number) => ((x - Math.floor(x)) * 2 ** 32) | 0
  for (let n = 2; K.length < 64; n++) {
    let prime = true
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false
    if (!prime) continue
    if (H.length < 8) H.push(fraction(n ** (1 / 2)))
    K.push(fraction(n ** (1 / 3)))
  }
  return { K, H }
}

/**
 * A synchronous SHA-256 in plain JS, tuned for this search: one preallocated buffer and no
 * allocation per hash. Yields to the page like src/pow.ts. ASCII input only, as salts are.
 */
export async function solveWithJsSha256(
  { challenge, maxnumber, salt }: Challenge,
  signal?: AbortSignal,
): Promise<number> {
  const want = Array.from(
    { length: 8 },
    (_, i) => parseInt(challenge.slice(8 * i, 8 * i + 8), 16) | 0,
  )
  const { K, H } = roundConstants()
  const W = new Int32Array(64)
  const block = new Uint8Array(128)
  const slice = timeSlicer(signal)
  for (let number = 0; number <= maxnumber; number++) {
    // Date.now() costs ~25 ns against ~2 µs per hash: checked only every 256 numbers.
    if ((number & 255) === 0) await slice()
    const text = salt + number
    const length = text.length
    block.fill(0)
    for (let i = 0; i < length; i++) block[i] = text.charCodeAt(i)
    block[length] = 0x80
    const end = length + 9 > 64 ? 128 : 64
    const bits = length * 8
    block[end - 1] = bits & 255
    block[end - 2] = bits >>> 8
    let [a0 = 0, b0 = 0, c0 = 0, d0 = 0, e0 = 0, f0 = 0, g0 = 0, h0 = 0] = H
    for (let offset = 0; offset < end; offset += 64) {
      for (let i = 0; i < 16; i++) {
        const j = offset + 4 * i
        W[i] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!
      }
      for (let i = 16; i < 64; i++) {
        const x = W[i - 15]!
        const y = W[i - 2]!
        W[i] =
          (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) +
          W[i - 7]! +
          (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) +
          W[i - 16]!
      }
      let [a, b, c, d, e, f, g, h] = [a0, b0, c0, d0, e0, f0, g0, h0]
      for (let i = 0; i < 64; i++) {
        const t1 =
          (h +
            (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
            ((e & f) ^ (~e & g)) +
            K[i]! +
            W[i]!) |
          0
        const t2 =
          ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
            ((a & b) ^ (a & c) ^ (b & c))) |
          0
        h = g
        g = f
        f = e
        e = (d + t1) | 0
        d = c
        c = b
        b = a
        a = (t1 + t2) | 0
      }
      a0 = (a0 + a) | 0
      b0 = (b0 + b) | 0
      c0 = (c0 + c) | 0
      d0 = (d0 + d) | 0
      e0 = (e0 + e) | 0
      f0 = (f0 + f) | 0
      g0 = (g0 + g) | 0
      h0 = (h0 + h) | 0
    }
    if (
      a0 === want[0] &&
      b0 === want[1] &&
      c0 === want[2] &&
      d0 === want[3] &&
      e0 === want[4] &&
      f0 === want[5] &&
      g0 === want[6] &&
      h0 === want[7]
    ) {
      return number
    }
  }
  throw clientError('CHALLENGE_FAILED', `No solution up to ${maxnumber}`)
}
