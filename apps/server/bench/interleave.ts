// Both sides of a row measured in alternating slices instead of one long stretch each. On a
// shared machine the load from other work changes over seconds (a test suite starts, a type
// check ends); a side measured entirely before or after such a change gets a figure the other
// side never saw. Alternating slices of a second or two give both sides the same mix of quiet
// and busy moments, so their ratio holds still even when the absolute figures do not.
import { type LoadOptions, type Measurement, median, type Phase } from './load.ts'

export type MeasureSide = (options: LoadOptions) => Promise<Measurement>

/**
 * Warms each side up once (its first slice carries `options.warmup`), then measures `slices`
 * slices per side, alternating, `first` leading in even slices and `second` in odd ones. The
 * measured phase is split evenly between the slices. Returns each side's slices pooled.
 */
export async function alternateSlices(
  first: MeasureSide,
  second: MeasureSide,
  options: LoadOptions,
  slices: number,
): Promise<[Measurement, Measurement]> {
  const count = Math.max(1, Math.round(slices))
  const slice: Phase =
    'seconds' in options.measured
      ? { seconds: options.measured.seconds / count }
      : { requests: Math.ceil(options.measured.requests / count) }
  const ofFirst: Measurement[] = []
  const ofSecond: Measurement[] = []
  for (let i = 0; i < count; i++) {
    const sliceOptions = { ...options, warmup: i === 0 ? options.warmup : null, measured: slice }
    if (i % 2 === 0) {
      ofFirst.push(await first(sliceOptions))
      ofSecond.push(await second(sliceOptions))
    } else {
      ofSecond.push(await second(sliceOptions))
      ofFirst.push(await first(sliceOptions))
    }
  }
  return [pool(ofFirst), pool(ofSecond)]
}

/**
 * Slices of one side as one measurement: every response and every CPU second counted once
 * (rate = responses ÷ seconds, CPU/req = CPU seconds ÷ responses over all slices); the latency
 * percentiles are the median of the slices' (the slices are alike in length).
 */
export function pool(slices: Measurement[]): Measurement {
  const sum = (pick: (m: Measurement) => number) => slices.reduce((n, m) => n + pick(m), 0)
  const total = sum((m) => m.total)
  const seconds = sum((m) => m.seconds)
  const counts: Record<string, number> = {}
  for (const slice of slices) {
    for (const [code, n] of Object.entries(slice.statusCodes))
      counts[code] = (counts[code] ?? 0) + n
  }
  return {
    requestsPerSecond: total / seconds,
    p50: median(slices.map((m) => m.p50)),
    p99: median(slices.map((m) => m.p99)),
    // From the CPU seconds, not the slices' CPU/req: a slice without a response (a stall on a
    // busy machine) still used CPU, and has no CPU/req to weigh.
    cpuPerRequest: (sum((m) => m.cpuSeconds) * 1e6) / total,
    cpuSeconds: sum((m) => m.cpuSeconds),
    total,
    seconds,
    non2xx: sum((m) => m.non2xx),
    errors: sum((m) => m.errors),
    timeouts: sum((m) => m.timeouts),
    warmupFailures: sum((m) => m.warmupFailures),
    statusCodes: counts,
  }
}
