import { clientError } from './errors.ts'
import type { AbortSignalLike } from './runtime-types.ts'

/**
 * An ALTCHA v1 proof-of-work challenge: find the integer `number` in `[0, maxnumber]` for which
 * hex(`algorithm`(salt + number)) equals `challenge`. The server signs `challenge` so it can check
 * a solution without keeping state; the client only passes `signature` back.
 *
 * @example
 * const challenge: Challenge = await request('GET', '/v1/forms/contact/challenge')
 */
export interface Challenge {
  /** A Web Crypto digest name; `SHA-256` from Porchlight. */
  algorithm: string
  /** The digest to find, in hex. */
  challenge: string
  maxnumber: number
  /** Random, may carry parameters such as `?expires=1790000000` (Unix seconds). */
  salt: string
  signature: string
}

/**
 * Finds the challenge's number by trying 0, 1, 2… with `crypto.subtle.digest`, in slices of
 * about 25 ms with a yield to the page between them.
 *
 * The yields are needed: Chromium resolves each digest without letting any other task run in
 * between, so an unbroken loop freezes the page (no input, no paint, no timers) for the whole
 * solve. A yield through `setTimeout` costs about 4 ms once timers nest, hence slices of 25 ms:
 * short of the 50 ms that make a long task, for a few percent to a fifth more solving time.
 * A synchronous SHA-256 in JS solves three to four times faster, but the solver would weigh
 * 1.1 KB min+gzip instead of 0.47 KB, past the contact form's budget; `prepare` hides the solve
 * from the visitor anyway. Figures: `node packages/sdk/scripts/pow-bench.ts`.
 *
 * @throws {PorchlightError} `ABORTED` when `signal` aborts (noticed at the next yield);
 *   `CHALLENGE_FAILED` when no number up to `maxnumber` solves it (status 0 for both).
 * @example
 * const number = await solveChallenge(challenge, AbortSignal.timeout(10_000))
 */
export async function solveChallenge(
  { algorithm, challenge, maxnumber, salt }: Challenge,
  signal?: AbortSignalLike,
): Promise<number> {
  const encoder = new TextEncoder()
  let sliceStart = 0 // so the first round yields, and checks the signal, before any work
  for (let number = 0; number <= maxnumber; number++) {
    if (Date.now() - sliceStart > 25) {
      await new Promise((resolve) => setTimeout(resolve))
      if (signal?.aborted) throw clientError('ABORTED', 'The request was aborted')
      sliceStart = Date.now()
    }
    const digest = await crypto.subtle.digest(algorithm, encoder.encode(salt + number))
    // Compared byte by byte from the first, so a miss costs one parseInt, not a hex string.
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
