// A real Prometheus server for the metrics tests: Debian's `prometheus` package (with `promtool`),
// started on loopback with a temp config and a temp database, scraping whatever the test names.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { freePort } from '../../../../test/support/free-port.ts'

/** Where Debian puts them, unless PROMETHEUS_PATH and PROMTOOL_PATH name others. */
export const prometheusPath = process.env.PROMETHEUS_PATH ?? '/usr/bin/prometheus'
export const promtoolPath = process.env.PROMTOOL_PATH ?? '/usr/bin/promtool'

/**
 * Whether Prometheus and promtool are installed, for a file of tests to skip on without them.
 * They run wherever they are (.ci/run installs them), and CI must not skip them silently: there a
 * missing binary throws. Elsewhere it warns that `tests` are skipped, and why.
 *
 * @example describe.skipIf(!hasPrometheusFor('the Prometheus tests'))('…', () => {})
 */
export function hasPrometheusFor(tests: string): boolean {
  const missing = [prometheusPath, promtoolPath].filter((path) => !existsSync(path))
  if (missing.length === 0) return true
  const reason = `no ${missing.join(' or ')}: install Debian's prometheus package, or set PROMETHEUS_PATH and PROMTOOL_PATH`
  if (process.env.CI) throw new Error(reason)
  console.warn(`Skipping ${tests}: ${reason}`)
  return false
}

export type ScrapeTarget = {
  /** `127.0.0.1:8787` */
  address: string
  /** Sent as `Authorization: Bearer …`, as an operator's scrape config does (METRICS_TOKEN). */
  bearerToken?: string
}

export type PrometheusServer = {
  url: string
  /** An instant query through the HTTP API (`/api/v1/query`); throws unless it succeeded. */
  query(expr: string): Promise<{ metric: Record<string, string>; value: number }[]>
  /** Any JSON answer of the HTTP API, e.g. `/api/v1/rules`. */
  api<T = unknown>(path: string): Promise<T>
  /** What Prometheus wrote to its log, for failure messages. */
  log(): string
  close(): Promise<void>
}

/**
 * Starts Prometheus scraping `target` every second as job `porchlight`, with `ruleFiles` loaded,
 * once its API answers ready.
 */
export async function startPrometheus(options: {
  target: ScrapeTarget
  ruleFiles?: string[]
}): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-prometheus-'))
  const port = await freePort()
  const config = join(dir, 'prometheus.yml')
  // JSON is YAML: no YAML writer needed, and nothing is left to indentation.
  writeFileSync(
    config,
    JSON.stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: options.ruleFiles ?? [],
      scrape_configs: [
        {
          job_name: 'porchlight',
          ...(options.target.bearerToken && {
            authorization: { type: 'Bearer', credentials: options.target.bearerToken },
          }),
          static_configs: [{ targets: [options.target.address] }],
        },
      ],
    }),
  )
  let output = ''
  const child: ChildProcess = spawn(
    prometheusPath,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()))
  const url = `http://127.0.0.1:${port}`
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await untilReady(url, child, () => output)
  } catch (error) {
    await close()
    throw error
  }
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${url}${path}`)
    const body = (await res.json()) as { status: string; data: T; error?: string }
    if (body.status !== 'success') throw new Error(`Prometheus ${path}: ${body.error}`)
    return body.data
  }
  return {
    url,
    api,
    async query(expr) {
      const data = await api<{
        result: { metric: Record<string, string>; value: [number, string] }[]
      }>(`/api/v1/query?query=${encodeURIComponent(expr)}`)
      return data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }))
    },
    log: () => output,
    close,
  }
}

/** Prometheus answers `/-/ready` once its database and config are loaded; a few seconds at most. */
async function untilReady(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prometheus exited:\n${log()}`)
    const ready = await fetch(`${url}/-/ready`).then(
      (res) => res.ok,
      () => false,
    )
    if (ready) return
    await sleep(100)
  }
  throw new Error(`Prometheus was not ready within 30 s:\n${log()}`)
}

/** Runs promtool with `args`; resolves with its output, rejects with it when promtool fails. */
export async function promtool(args: string[], cwd?: string): Promise<string> {
  const run = promisify(execFile)
  try {
    const { stdout, stderr } = await run(promtoolPath, args, { cwd })
    return stdout + stderr
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`promtool ${args.join(' ')} failed:\n${stdout}${stderr}`)
  }
}
