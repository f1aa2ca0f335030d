import { describe, expect, it } from 'vitest'
import { alternateSlices, type MeasureSide, pool } from '../bench/interleave.ts'
import {
  combine,
  formatTable,
  type Measurement,
  type Row,
  spread,
  unsteadyRows,
} from '../bench/load.ts'

// `npm run bench --rounds 3` must say how far its rounds disagree, and flag a row whose rounds
// disagree by more than 15% on the CPU ratio: a median alone hid that the contact row's figure
// moved with the warm-up (3,095 µs in the docs, 6,646 µs measured again, issue 13).

const side = (cpuPerRequest: number, total = 5000): Measurement => ({
  requestsPerSecond: total / 5,
  p50: 5,
  p99: 20,
  cpuPerRequest,
  cpuSeconds: (cpuPerRequest * total) / 1e6,
  total,
  seconds: 5,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  warmupFailures: 0,
  statusCodes: { '200': 5000 },
})

/** A row whose rounds had these CPU ratios (the baseline at 100 µs, Porchlight at 100 ÷ r). */
function rowWithRatios(name: string, ratios: number[]): Row {
  const rounds = ratios.map((r) => ({ porchlight: side(100 / r), baseline: side(100) }))
  return {
    name,
    porchlight: combine(rounds.map((r) => r.porchlight)),
    baseline: combine(rounds.map((r) => r.baseline)),
    rounds,
  }
}

describe('the spread of a row over its rounds', () => {
  it('is (max − min) ÷ median, and unknown with a single round', () => {
    expect(spread([0.5, 0.55, 0.6])).toBeCloseTo(0.1 / 0.55)
    expect(spread([0.5])).toBeNaN()
  })

  it('flags only the rows whose rounds disagree by more than 15%', () => {
    const steady = rowWithRatios('GET /healthz', [0.4, 0.42, 0.44])
    const moving = rowWithRatios('POST contact', [0.1, 0.13, 0.15])
    expect(unsteadyRows([steady, moving])).toEqual(['POST contact'])
  })

  it('is printed in the table beside the ratio and its range, marked when too wide', () => {
    const table = formatTable([
      rowWithRatios('steady row', [0.4, 0.42, 0.44]),
      rowWithRatios('moving row', [0.1, 0.13, 0.15]),
    ])
    const [header, , steady, moving] = table.split('\n')
    expect(header).toContain('| spread |')
    expect(steady).toContain('0.42 (0.40–0.44)')
    expect(steady).toMatch(/\| +10% \|/)
    expect(moving).toContain('0.13 (0.10–0.15)')
    expect(moving).toMatch(/\| +38% ! \|/)
  })

  it('shows no spread for a single round rather than a made-up one', () => {
    const [, , row] = formatTable([rowWithRatios('one round', [0.5])]).split('\n')
    expect(row).toMatch(/\| +0\.50 \| +— \|/)
  })
})

describe('alternating slices', () => {
  it('warms each side once, then alternates who goes first, splitting the measured time', async () => {
    const calls: string[] = []
    const sideNamed =
      (name: string, cpu: number): MeasureSide =>
      async (options) => {
        const phase = 'seconds' in options.measured ? `${options.measured.seconds}s` : '?'
        calls.push(`${name}${options.warmup ? ' warm' : ''} ${phase}`)
        return side(cpu)
      }
    await alternateSlices(
      sideNamed('P', 200),
      sideNamed('B', 100),
      { connections: 10, warmup: { seconds: 2 }, measured: { seconds: 6 } },
      3,
    )
    expect(calls).toEqual(['P warm 2s', 'B warm 2s', 'B 2s', 'P 2s', 'P 2s', 'B 2s'])
  })

  it('pools the slices: every response and CPU second counted once', () => {
    const pooled = pool([side(300, 1000), side(100, 3000)])
    expect(pooled.total).toBe(4000)
    expect(pooled.cpuPerRequest).toBeCloseTo((300 * 1000 + 100 * 3000) / 4000)
    expect(pooled.requestsPerSecond).toBe(4000 / 10)
  })

  it('counts the CPU of a slice that got no response (a stall) instead of losing the round', () => {
    // The bug this pins: such a slice has no CPU/req, and pooling by CPU/req made the whole
    // round's figure NaN.
    const stalled = { ...side(0, 0), cpuPerRequest: Number.NaN, cpuSeconds: 0.2 }
    const pooled = pool([side(100, 4000), stalled])
    expect(pooled.cpuPerRequest).toBeCloseTo(((0.4 + 0.2) * 1e6) / 4000)
  })
})
