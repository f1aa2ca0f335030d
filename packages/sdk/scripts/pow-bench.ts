// How long a visitor's browser takes to solve a contact form's proof-of-work challenge.
//
//   node packages/sdk/scripts/pow-bench.ts [runs=20] [maxnumber=100000]
//
// Bundles src/pow.ts (what ships) and the alternatives it was chosen over
// (scripts/pow-alternatives.ts) with esbuild, loads them into headless Chromium, and solves
// `runs` challenges made as the server makes them: a random secret number in [0, maxnumber],
// challenge = SHA-256(salt + number). Every solver gets the same challenges. Prints solve times,
// hashes per second, the longest the page's main thread went without running a timer while
// solving, and what each solver weighs min+gzip. Needs Chromium at /usr/bin/chromium (or
// CHROMIUM_PATH); no network: the page is served by Playwright's router from memory.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { solveChallenge } from '../src/pow.ts'
import { measure } from './size.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const runs = Number(process.argv[2] ?? 20)
const maxnumber = Number(process.argv[3] ?? 100_000)
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const solvers = {
  'subtle.digest, one at a time (shipped)': {
    exportName: 'solveChallenge',
    contents: "export { solveChallenge } from './src/pow.ts'",
  },
  'subtle.digest, no yields': {
    exportName: 'solveWithoutYields',
    contents: "export { solveWithoutYields } from './scripts/pow-alternatives.ts'",
  },
  'subtle.digest, 100 in flight': {
    exportName: 'solveBatched',
    contents: "export { solveBatched } from './scripts/pow-alternatives.ts'",
  },
  'SHA-256 in JS, synchronous': {
    exportName: 'solveWithJsSha256',
    contents: "export { solveWithJsSha256 } from './scripts/pow-alternatives.ts'",
  },
}

/** Challenges as the server makes them (see apps/server/src/spam/proof-of-work.ts). */
const challenges = Array.from({ length: runs }, () => {
  const salt = `${randomBytes(12).toString('hex')}?expires=${Math.floor(Date.now() / 1000) + 600}&`
  const number = randomInt(0, maxnumber + 1)
  const challenge = createHash('sha256')
    .update(salt + number)
    .digest('hex')
  return { algorithm: 'SHA-256', challenge, maxnumber, salt, signature: '', number }
})

const page = await build({
  stdin: {
    contents: `
      export { solveChallenge } from './src/pow.ts'
      export {
        solveBatched,
        solveWithJsSha256,
        solveWithoutYields,
      } from './scripts/pow-alternatives.ts'`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  globalName: 'solvers',
  write: false,
})

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
const tab = await browser.newPage()
// crypto.subtle exists only in secure contexts, which about:blank and data: URLs are not; an
// https page fulfilled from memory is one, and never touches the network.
const origin = 'https://pow-bench.invalid'
await tab.route(`${origin}/`, (route) =>
  route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><script>${page.outputFiles[0]?.text}</script>`,
  }),
)
await tab.goto(`${origin}/`)
// Other work on the machine slows every solver; the load average says how much there was.
const machine = `${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0]?.toFixed(1)}`
console.log(`Chromium ${await browser.version()} on ${machine}`)
console.log(`${runs} challenges, maxnumber ${maxnumber}\n`)

type Challenge = (typeof challenges)[number]
type Run = { number: number; ms: number; longestBlock: number }

/** Solves one challenge in the page, timing it and the gaps between 1 ms timer ticks. */
function solveInPage(exportName: string, challenge: Challenge): Promise<Run> {
  return tab.evaluate(
    async ({ exportName, challenge }) => {
      type Solvers = Record<string, (challenge: unknown) => Promise<number>>
      const solve = (globalThis as unknown as { solvers: Solvers }).solvers[exportName]!
      let last = performance.now()
      let longestBlock = 0
      const ticker = setInterval(() => {
        const now = performance.now()
        longestBlock = Math.max(longestBlock, now - last)
        last = now
      }, 1)
      const start = performance.now()
      const number = await solve(challenge)
      const ms = performance.now() - start
      clearInterval(ticker)
      return { number, ms, longestBlock: Math.max(longestBlock, performance.now() - last) }
    },
    { exportName, challenge },
  )
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
const round = (x: number) => Math.round(x)

function summarise(results: Run[]) {
  const times = results.map((r) => r.ms).sort((a, b) => a - b)
  const hashes = results.reduce((sum, r) => sum + r.number + 1, 0)
  const total = times.reduce((sum, ms) => sum + ms, 0)
  return {
    'mean ms': round(total / times.length),
    'median ms': round(quantile(times, 0.5)),
    'p95 ms': round(quantile(times, 0.95)),
    'max ms': round(times.at(-1) ?? Number.NaN),
    'hashes/s': round((hashes / total) * 1000),
    'longest block ms': round(Math.max(...results.map((r) => r.longestBlock))),
  }
}

// Round robin over the solvers, challenge by challenge, so that a change in the machine's load
// during the run weighs on all of them alike.
const results = new Map<string, Run[]>(Object.keys(solvers).map((name) => [name, []]))
for (const { exportName } of Object.values(solvers)) {
  await solveInPage(exportName, challenges[0] as Challenge) // warm up the JIT
}
for (const challenge of challenges) {
  for (const [name, { exportName }] of Object.entries(solvers)) {
    const run = await solveInPage(exportName, challenge)
    if (run.number !== challenge.number) {
      throw new Error(`${name} found ${run.number}, not ${challenge.number}`)
    }
    results.get(name)?.push(run)
  }
}
const rows: Record<string, unknown>[] = []
for (const [name, { contents }] of Object.entries(solvers)) {
  const { gzip } = await measure({ name, contents, budget: 0 })
  rows.push({ solver: name, ...summarise(results.get(name) ?? []), 'min+gzip B': gzip })
}
await browser.close()

// Node, for servers and tests that submit forms: the same solver on a few of the challenges.
const nodeResults: Run[] = []
for (const challenge of challenges.slice(0, Math.min(5, runs))) {
  const start = performance.now()
  const number = await solveChallenge(challenge)
  nodeResults.push({ number, ms: performance.now() - start, longestBlock: Number.NaN })
}
const { 'longest block ms': _, ...node } = summarise(nodeResults)
rows.push({ solver: `shipped, in Node ${process.version} (${nodeResults.length} runs)`, ...node })

console.table(rows)
console.log(`load average at the end: ${loadavg()[0]?.toFixed(1)}`)
