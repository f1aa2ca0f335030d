// The contact-submission row: `POST /v1/forms/:formId/submissions` with a JSON body, as the SDK
// sends it, through all of Porchlight (site key, form, validation, rate limits, proof of work,
// time trap, duplicate check, the batch, and delivery of the notification afterwards), against
// a bare server storing the same two rows (baseline.ts). Each Porchlight request carries its
// own solved challenge and different content, so none is spam; the bench checks that in the
// database afterwards and fails if more than 1% was marked.
import { createClient } from '@libsql/client'
import { type LoadOptions, type Measurement, measure } from './load.ts'
import type { ServerProcess } from './processes.ts'
import { type Solved, solveChallenges } from './proof-of-work-pool.ts'
import type { BenchRequest, BenchSite } from './scenarios.ts'

export const contactRowName = 'POST /v1/forms/:id/submissions (contact, JSON)'

export type ContactOptions = {
  connections: number
  warmupSeconds: number
  durationSeconds: number
  /** At most this many measured submissions per round: each needs a solved challenge. */
  maxRequests: number
  log: (line: string) => void
}

// Unique across rounds and runs: content that repeats within an hour is marked `duplicate`.
const runTag = Math.random().toString(36).slice(2, 8)
let sent = 0
/** A real solution, whose shape the baseline's requests copy (it ignores the value). */
let sample: Solved | undefined
const phrases = [
  'the invoice',
  'our booking',
  'a quote',
  'the opening hours',
  'a refund',
  'parking',
]

/** A message a person might send, different every time. */
function submissionBody(solved: Solved | undefined): string {
  const n = sent++
  const about = phrases[n % phrases.length]
  return JSON.stringify({
    name: `Sender ${n}`,
    email: `sender${n}.${runTag}@bench.example`,
    message: `Hello, I have a question about ${about} (${runTag}-${n}). Could you call me back this week? Thanks!`,
    ...(solved && { _altcha: solved.altcha, _t: solved.timeToken }),
  })
}

/** The request both sides get; Porchlight's draws a solved challenge from `pool` each time. */
function submissionRequest(site: BenchSite, body: () => string): BenchRequest {
  return {
    method: 'POST',
    path: `/v1/forms/${site.formId}/submissions`,
    headers: {
      'content-type': 'application/json',
      'x-porchlight-key': site.publishableKey,
      origin: site.origin,
    },
    body: body(),
    next: () => ({ body: body() }),
  }
}

/**
 * One round of the row. Porchlight: solve a first batch of challenges, send it (the warm-up,
 * which also gives the rate), solve as many as the measured seconds will take at that rate
 * (at most `maxRequests`), then send exactly those. The baseline runs for the same seconds.
 */
export async function measureContact(
  porchlight: ServerProcess,
  baseline: ServerProcess,
  site: BenchSite,
  options: ContactOptions,
  baselineFirst: boolean,
): Promise<{ porchlight: Measurement; baseline: Measurement }> {
  const { connections, log } = options
  const challengeUrl = `${porchlight.url}/v1/forms/${site.formId}/challenge`
  const keyHeaders = { 'x-porchlight-key': site.publishableKey, origin: site.origin }
  // autocannon builds a request per connection ahead of sending it: a few solutions go unused.
  const margin = connections * 3 + 10
  let pool: Solved[] = []
  let exhausted = 0
  const porchlightRequest = submissionRequest(site, () => {
    const solved = pool.pop()
    if (!solved) exhausted++
    return submissionBody(solved)
  })

  const solve = async (count: number) => {
    const { solved, stats } = await solveChallenges(challengeUrl, keyHeaders, count)
    log(`solved ${count} challenges in ${stats.seconds.toFixed(1)} s`)
    pool = solved.reverse()
    sample ??= pool[0]
    // The time trap marks a token younger than 3 s; a page's visitor takes longer than that.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, stats.fetchedAt + 3500 - Date.now())),
    )
  }

  const ofPorchlight = async () => {
    const warmCount = Math.max(100, Math.round(options.warmupSeconds * 100))
    await solve(warmCount + margin)
    // One request first, so a wrong route or key fails with its answer, not as a count.
    const first = await fetch(porchlight.url + porchlightRequest.path, {
      method: 'POST',
      headers: porchlightRequest.headers ?? {},
      body: porchlightRequest.next?.().body ?? '',
      signal: AbortSignal.timeout(10_000),
    })
    if (first.status !== 201) {
      throw new Error(`${porchlight.name} submission: ${first.status} ${await first.text()}`)
    }
    const warm = await measure(porchlight.url, porchlightRequest, load(null, warmCount), () => 0)
    const wanted = Math.ceil(warm.requestsPerSecond * options.durationSeconds)
    const count = Math.max(100, Math.min(options.maxRequests, wanted))
    if (count < wanted) {
      log(
        `measuring ${count} submissions (--contact-max), not the ${wanted} of ${options.durationSeconds} s`,
      )
    }
    await solve(count + margin)
    exhausted = 0
    const measured = await measure(
      porchlight.url,
      porchlightRequest,
      load(null, count),
      porchlight.cpuSeconds,
    )
    if (exhausted > 0) throw new Error(`${exhausted} submissions were sent without a solution`)
    return { ...measured, warmupFailures: warm.non2xx + warm.errors + warm.timeouts }
  }
  const load = (warmup: LoadOptions['warmup'], requests: number): LoadOptions => ({
    connections,
    warmup,
    measured: { requests },
  })
  const baselineRequest = submissionRequest(site, () =>
    // The same fields, and a solution-shaped `_altcha` the baseline ignores: the same bytes.
    submissionBody(sample ?? { altcha: 'x'.repeat(270), timeToken: 'x'.repeat(57) }),
  )
  const ofBaseline = () =>
    measure(
      baseline.url,
      baselineRequest,
      {
        connections,
        warmup: { seconds: options.warmupSeconds },
        measured: { seconds: options.durationSeconds },
      },
      baseline.cpuSeconds,
    )
  if (baselineFirst) {
    const b = await ofBaseline()
    return { porchlight: await ofPorchlight(), baseline: b }
  }
  const p = await ofPorchlight()
  return { porchlight: p, baseline: await ofBaseline() }
}

/**
 * Reads what the run stored: Porchlight's submissions by status (and why any were spam), its
 * notification jobs by status, and the average row sizes on both sides. Throws when more than
 * 1% of Porchlight's submissions were marked as spam: the row would not measure real ones.
 */
export async function checkContactRun(porchlightDb: string, baselineDb: string): Promise<string> {
  const porchlight = createClient({ url: `file:${porchlightDb}` })
  const baseline = createClient({ url: `file:${baselineDb}` })
  try {
    // The contact row's form and the bare-insert row's (setup.ts), whichever rows ran.
    const ours = "form_id IN ('bench', 'open')"
    const statuses = await porchlight.execute(
      `SELECT status, count(*) AS n FROM submissions WHERE ${ours} GROUP BY status`,
    )
    const reasons = await porchlight.execute(
      `SELECT r.value AS reason, count(*) AS n FROM submissions, json_each(spam_reasons) AS r
        WHERE ${ours} GROUP BY r.value ORDER BY n DESC`,
    )
    const jobs = await porchlight.execute(
      "SELECT status, count(*) AS n FROM outbox WHERE kind = 'email' GROUP BY status",
    )
    const sizes = async (client: typeof porchlight) =>
      (
        await client.execute(`SELECT
          (SELECT avg(length(data)) FROM submissions WHERE ${ours}) AS data,
          (SELECT avg(length(payload)) FROM outbox WHERE kind = 'email') AS payload`)
      ).rows[0]
    const [p, b] = [await sizes(porchlight), await sizes(baseline)]
    const count = (status: string) => Number(statuses.rows.find((r) => r.status === status)?.n ?? 0)
    const total = statuses.rows.reduce((sum, r) => sum + Number(r.n), 0)
    const spam = count('spam')
    const share = total > 0 ? (spam / total) * 100 : 0
    const lines = [
      `contact: Porchlight stored ${total} submissions: ${count('new')} new, ${spam} spam ` +
        `(${share.toFixed(2)}%)${reasons.rows.length > 0 ? ` — ${reasons.rows.map((r) => `${r.reason} ${r.n}`).join(', ')}` : ''}`,
      `contact: notification jobs ${jobs.rows.map((r) => `${r.status} ${r.n}`).join(', ')}`,
      `contact: average bytes per row, Porchlight / baseline: data ${Math.round(Number(p?.data))} / ` +
        `${Math.round(Number(b?.data))}, notification payload ${Math.round(Number(p?.payload))} / ` +
        `${Math.round(Number(b?.payload))}`,
    ]
    if (total === 0 || share > 1) {
      throw new Error(`${lines.join('\n')}\nmore than 1% of the measured submissions were spam`)
    }
    return lines.join('\n')
  } finally {
    porchlight.close()
    baseline.close()
  }
}
