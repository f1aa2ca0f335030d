// Load generation with autocannon, and the table that compares the two sides.
import autocannon, { type Options, type RequestParams, type Result } from 'autocannon'
import type { BenchRequest } from './scenarios.ts'

export type Measurement = {
  /** Responses per second over the measured part: all responses ÷ its wall-clock seconds. */
  requestsPerSecond: number
  /** Latency percentiles in ms, from every response's own timing (fractions kept). */
  p50: number
  p99: number
  /** CPU time the server process used per response, in µs; NaN where it cannot be read. */
  cpuPerRequest: number
  /** CPU seconds the server used over the measured part (NaN where it cannot be read). */
  cpuSeconds: number
  total: number
  seconds: number
  non2xx: number
  errors: number
  timeouts: number
  /** Failed responses during the warm-up, which is otherwise discarded. */
  warmupFailures: number
  statusCodes: Record<string, number>
}

/** How long a phase lasts: a time, or a number of responses (single-use request bodies). */
export type Phase = { seconds: number } | { requests: number }

export type LoadOptions = {
  connections: number
  /** `null`: no warm-up (the caller warmed the server up another way). */
  warmup: Phase | null
  measured: Phase
  /** Seconds before a request counts as timed out; default 10. */
  timeout?: number
}

/**
 * Warms up (discarded), then measures. `cpuSeconds` reads the server's CPU time, sampled around
 * the measured part only. A request with `next` gets a fresh body or headers for every request
 * autocannon sends (a new proof of work, a new address, a new reply).
 */
export async function measure(
  baseUrl: string,
  request: BenchRequest,
  options: LoadOptions,
  cpuSeconds: () => number,
): Promise<Measurement> {
  const { next } = request
  const load = (phase: Phase): Options => ({
    url: baseUrl + request.path,
    method: request.method,
    ...(request.headers && { headers: request.headers }),
    ...(request.body !== undefined && { body: request.body }),
    ...(next && {
      requests: [
        {
          setupRequest: (built: RequestParams) => {
            const fresh = next()
            return {
              ...built,
              ...(fresh.body !== undefined && { body: fresh.body }),
              headers: { ...built.headers, ...fresh.headers },
            }
          },
        },
      ],
    }),
    connections: options.connections,
    ...('seconds' in phase ? { duration: phase.seconds } : { amount: phase.requests }),
    timeout: options.timeout ?? 10,
  })
  const warm = options.warmup ? await autocannon(load(options.warmup)) : null
  const latencies: number[] = []
  const cpuBefore = cpuSeconds()
  const started = performance.now()
  const run = autocannon(load(options.measured))
  run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  const result: Result = await run
  const seconds = (performance.now() - started) / 1000
  const cpu = cpuSeconds() - cpuBefore
  const sorted = Float64Array.from(latencies).sort()
  const percentile = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN
  return {
    requestsPerSecond: result.requests.total / seconds,
    p50: percentile(0.5),
    p99: percentile(0.99),
    cpuPerRequest: (cpu * 1e6) / result.requests.total,
    cpuSeconds: cpu,
    total: result.requests.total,
    seconds,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    warmupFailures: warm ? warm.non2xx + warm.errors + warm.timeouts : 0,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
  }
}

/** Why a measurement cannot be trusted; empty when every response was 2xx. */
export function problems(m: Measurement): string[] {
  const found: string[] = []
  if (m.non2xx > 0) {
    found.push(`${m.non2xx} non-2xx (status codes ${JSON.stringify(m.statusCodes)})`)
  }
  if (m.errors > 0) found.push(`${m.errors} connection errors`)
  if (m.timeouts > 0) found.push(`${m.timeouts} timeouts`)
  if (m.warmupFailures > 0) found.push(`${m.warmupFailures} failures during warm-up`)
  if (m.total === 0) found.push('no responses at all')
  return found
}

/** Several runs of one side as one: medians of the rates and latencies, sums of the counts. */
export function combine(runs: Measurement[]): Measurement {
  const counts: Record<string, number> = {}
  for (const run of runs) {
    for (const [code, n] of Object.entries(run.statusCodes)) counts[code] = (counts[code] ?? 0) + n
  }
  const sum = (pick: (m: Measurement) => number) => runs.reduce((n, m) => n + pick(m), 0)
  return {
    requestsPerSecond: median(runs.map((m) => m.requestsPerSecond)),
    p50: median(runs.map((m) => m.p50)),
    p99: median(runs.map((m) => m.p99)),
    cpuPerRequest: median(runs.map((m) => m.cpuPerRequest)),
    cpuSeconds: sum((m) => m.cpuSeconds),
    total: sum((m) => m.total),
    seconds: sum((m) => m.seconds),
    non2xx: sum((m) => m.non2xx),
    errors: sum((m) => m.errors),
    timeouts: sum((m) => m.timeouts),
    warmupFailures: sum((m) => m.warmupFailures),
    statusCodes: counts,
  }
}

export function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN
  return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

export type Row = {
  name: string
  porchlight: Measurement
  baseline: Measurement
  /** Each round's Porchlight and baseline measurements, to show the spread of the ratios. */
  rounds: { porchlight: Measurement; baseline: Measurement }[]
}

/**
 * Rounds whose CPU ratios differ by more than this share of their median are flagged: the
 * figure moved while it was being measured (a warm-up too short, or a neighbour's load), so
 * the median alone would claim more than the run showed.
 */
export const maxSpread = 0.15

/** How far the rounds disagree: (max − min) ÷ median; NaN with fewer than two rounds. */
export function spread(perRound: number[]): number {
  const finite = perRound.filter(Number.isFinite)
  if (finite.length < 2) return Number.NaN
  return (Math.max(...finite) - Math.min(...finite)) / median(finite)
}

/** Each round's CPU ratio of a row (baseline CPU/req ÷ Porchlight CPU/req). */
export function cpuRatios(row: Pick<Row, 'rounds'>): number[] {
  return row.rounds.map((r) => r.baseline.cpuPerRequest / r.porchlight.cpuPerRequest)
}

/** The rows whose rounds disagree by more than `maxSpread` on the CPU ratio. */
export function unsteadyRows(rows: Row[]): string[] {
  return rows.filter((row) => spread(cpuRatios(row)) > maxSpread).map((row) => row.name)
}

/** A Markdown table, so a run can be pasted into docs/performance.md as is. */
export function formatTable(rows: Row[]): string {
  const header = [
    'endpoint',
    'Porchlight req/s',
    'p50',
    'p99',
    'baseline req/s',
    'p50',
    'p99',
    'ratio',
    'CPU/req P',
    'CPU/req B',
    'CPU ratio',
    'spread',
    'non-2xx',
  ]
  const body = rows.map(({ name, porchlight: p, baseline: b, rounds }) => [
    name,
    rate(p.requestsPerSecond),
    ms(p.p50),
    ms(p.p99),
    rate(b.requestsPerSecond),
    ms(b.p50),
    ms(b.p99),
    // Higher is better for both ratios: 1.00 means Porchlight costs what the bare baseline does.
    ratio(
      p.requestsPerSecond / b.requestsPerSecond,
      rounds.map((r) => r.porchlight.requestsPerSecond / r.baseline.requestsPerSecond),
    ),
    us(p.cpuPerRequest),
    us(b.cpuPerRequest),
    ratio(b.cpuPerRequest / p.cpuPerRequest, cpuRatios({ rounds })),
    spreadCell(spread(cpuRatios({ rounds }))),
    `${p.non2xx + p.errors + p.timeouts} / ${b.non2xx + b.errors + b.timeouts}`,
  ])
  return markdownTable(header, body)
}

/** A Markdown table: the first column left-aligned, the others right-aligned. */
export function markdownTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]?.length ?? 0)))
  const cell = (c: string, i: number) =>
    i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(header), rule, ...body.map(line)].join('\n')
}

/** The ratio of the medians, with the range over the rounds when there were several. */
export function ratio(value: number, perRound: number[]): string {
  if (!Number.isFinite(value)) return '—'
  const known = perRound.filter(Number.isFinite)
  if (known.length < 2) return value.toFixed(2)
  return `${value.toFixed(2)} (${Math.min(...known).toFixed(2)}–${Math.max(...known).toFixed(2)})`
}

/** The CPU ratio's spread over the rounds in percent, marked `!` past `maxSpread`. */
export function spreadCell(value: number): string {
  if (!Number.isFinite(value)) return '—'
  return `${Math.round(value * 100)}%${value > maxSpread ? ' !' : ''}`
}

/** Whole req/s from 10 up; one decimal below (sign-ins), where a whole number says little. */
export function rate(value: number): string {
  if (!Number.isFinite(value)) return '—'
  return value >= 10 ? Math.round(value).toString() : value.toFixed(1)
}

/** Whole ms from 10 ms up; one decimal below, where a whole ms would hide the difference. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—'
  return value >= 10 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`
}

export function us(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)} µs` : '—'
}
