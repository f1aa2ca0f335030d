// A worker thread for proof-of-work-pool.ts: finds the number of each ALTCHA v1 challenge by
// trying 0, 1, 2, … with node:crypto's one-shot SHA-256 (about 1.5 million tries a second on
// one core here, so a challenge of up to 100,000 numbers takes ~30 ms on average).
import { hash } from 'node:crypto'
import { parentPort } from 'node:worker_threads'

export type SolverJob = { salt: string; challenge: string; maxnumber: number }

parentPort?.on('message', (jobs: SolverJob[]) => {
  const numbers = jobs.map(({ salt, challenge, maxnumber }) => {
    for (let number = 0; number <= maxnumber; number++) {
      if (hash('sha256', salt + number) === challenge) return number
    }
    return -1
  })
  parentPort?.postMessage(numbers)
})
