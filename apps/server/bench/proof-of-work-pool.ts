// Solved proof-of-work challenges for the contact-submission row. Each solution is accepted
// once, so every request needs its own: the bench asks Porchlight for challenges the way the SDK
// does (`GET /v1/forms/:formId/challenge`), solves them all before the load starts, on worker
// threads, and hands each request one. Solving is not measured; it happens while both servers
// are idle.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { SolverJob } from './proof-of-work-solver.ts'

export type Solved = {
  /** The `_altcha` value: base64 of `{algorithm, challenge, number, salt, signature}`. */
  altcha: string
  /** The time-trap token that came with the challenge (`_t`). */
  timeToken: string
}

type Challenge = SolverJob & { algorithm: string; signature: string; timeToken: string }

export type SolveStats = { count: number; seconds: number; fetchedAt: number }

/**
 * `count` challenges from `url` (the challenge endpoint, with `headers`), solved. Rejects if
 * the endpoint fails or a challenge has no solution.
 */
export async function solveChallenges(
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<{ solved: Solved[]; stats: SolveStats }> {
  const started = performance.now()
  const challenges: Challenge[] = []
  // A few at a time, as several visitors' pages would.
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        next++
        const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) })
        if (!res.ok) throw new Error(`challenge: ${res.status} ${await res.text()}`)
        challenges.push((await res.json()) as Challenge)
      }
    }),
  )
  const fetchedAt = Date.now()
  const threads = Math.max(1, availableParallelism())
  const parts = Array.from({ length: threads }, (_, t) =>
    challenges.filter((_, i) => i % threads === t),
  )
  const numbers = await Promise.all(parts.map((part) => solveOnWorker(part)))
  const solved = parts.flatMap((part, t) =>
    part.map((challenge, i): Solved => {
      const number = numbers[t]?.[i] ?? -1
      if (number < 0) throw new Error('a challenge had no solution within its maxnumber')
      const { algorithm, challenge: hash, salt, signature } = challenge
      const payload = { algorithm, challenge: hash, number, salt, signature }
      return { altcha: btoa(JSON.stringify(payload)), timeToken: challenge.timeToken }
    }),
  )
  return {
    solved,
    stats: { count, seconds: (performance.now() - started) / 1000, fetchedAt },
  }
}

function solveOnWorker(jobs: SolverJob[]): Promise<number[]> {
  if (jobs.length === 0) return Promise.resolve([])
  const worker = new Worker(new URL('./proof-of-work-solver.ts', import.meta.url))
  return new Promise<number[]>((resolve, reject) => {
    worker.once('message', (numbers: number[]) => resolve(numbers))
    worker.once('error', reject)
    worker.postMessage(
      jobs.map(({ salt, challenge, maxnumber }) => ({ salt, challenge, maxnumber })),
    )
  }).finally(() => void worker.terminate())
}
