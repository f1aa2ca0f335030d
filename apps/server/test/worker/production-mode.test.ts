import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSite } from '../../src/sites/service.ts'
import {
  errorLines,
  formatLogs,
  startWorkerHarness,
  type WorkerHarness,
  type WorkerHarnessOptions,
} from './worker-harness.ts'

// Issue 9, item 9: a Worker deployed with the shipped wrangler.toml silently used the development
// mail transport (its warning was suppressed because PUBLIC_URL defaulted to localhost), so
// confirmation and reset emails never left. A deployed Worker is now always in production mode:
// it still serves the API, keeps every email queued, reports itself not ready and says why in its
// log. Under `wrangler dev` (a loopback host) the same settings are development, and fine.
//
// The other half of the rule, a deployment set up as the docs say (Resend, an https PUBLIC_URL)
// being ready, sending email and setting `Secure` `__Host-` cookies, is what every scenario file
// beside this one runs on (worker.test.ts checks /readyz, auth.test.ts the cookie).

const origin = 'https://bakery.example'

describe('a Worker deployed with the shipped wrangler.toml (dev mail, no PUBLIC_URL)', () => {
  let w: WorkerHarness

  beforeAll(async () => {
    w = await startWorkerHarness({ database: 'd1', vars: 'toml' })
  }, 240_000)

  afterAll(async () => {
    await w?.close()
  })

  it('reports itself not ready, naming MAIL_TRANSPORT and PUBLIC_URL', async () => {
    const res = await w.fetch('/readyz')
    const body = await w.json(res)
    expect(res.status).toBe(503)
    expect(body.error.code).toBe('UNSAFE_CONFIGURATION')
    expect(body.error.message).toContain('MAIL_TRANSPORT')
    expect(body.error.message).toContain('PUBLIC_URL')
  })

  it('logged one error line on its cold start, naming both settings', async () => {
    await w.fetch('/readyz') // more requests to the same isolate add no lines
    const lines = errorLines(w.logs)
    expect(lines, formatLogs(w.logs)).toHaveLength(1)
    const line = JSON.parse(lines[0] ?? '{}') as { message: string; problems: string[] }
    expect(line.message).toMatch(/unsafe configuration for production/)
    expect(line.problems.map((p) => p.split(':')[0])).toEqual(['MAIL_TRANSPORT', 'PUBLIC_URL'])
  })

  it('has no development mailbox and no demo pages', async () => {
    for (const path of ['/dev/mail', '/dev/mail.json', '/demo/', '/demo/contact.html']) {
      const res = await w.fetch(path)
      expect({ path, status: res.status }).toEqual({ path, status: 404 })
      expect((await w.json(res)).error.code).toBe('NOT_FOUND')
    }
  })

  it('made no demo site in the production database', async () => {
    expect(await w.query('SELECT id FROM sites')).toEqual([])
  })

  it('still serves the API, and keeps the verification email queued instead of losing it', async () => {
    const site = await createSite(w.deps, { name: 'Bakery', origins: [origin] })
    const res = await w.fetch('/v1/auth/register', {
      method: 'POST',
      headers: {
        'X-Porchlight-Key': site.publishableKey,
        Origin: origin,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        email: 'ada@example.com',
        password: 'rye bread on saturdays',
        displayName: 'Ada',
      }),
    })
    expect(await w.json(res)).toEqual({ status: 'verification_sent' })
    expect(res.status).toBe(202)

    // Delivery runs after the response (waitUntil): wait for its first attempt.
    type Job = { status: string; attempts: number; last_error: string | null }
    const deadline = Date.now() + 15_000
    let jobs: Job[] = []
    while (!jobs.some((j) => j.attempts > 0)) {
      if (Date.now() > deadline) throw new Error(`No delivery attempt:\n${formatLogs(w.logs)}`)
      await sleep(50)
      jobs = await w.query<Job>(
        "SELECT status, attempts, last_error FROM outbox WHERE site_id = ? AND kind = 'email'",
        site.id,
      )
    }
    expect(jobs).toEqual([
      {
        status: 'pending',
        attempts: 1,
        last_error: expect.stringContaining('MAIL_TRANSPORT=dev is refused in production'),
      },
    ])
    // Nothing printed the message (with its link) to the log, as the dev transport would.
    expect(formatLogs(w.logs)).not.toContain('dev transport, not sent')
  })
})

describe('the same settings under `wrangler dev` (a loopback host)', () => {
  const devOrigin = 'http://127.0.0.1:8787'
  let w: WorkerHarness

  beforeAll(async () => {
    w = await startWorkerHarness({ database: 'd1', vars: 'toml', origin: devOrigin })
  }, 240_000)

  afterAll(async () => {
    await w?.close()
  })

  it('is development: ready, with no error logged', async () => {
    const res = await w.fetch('/readyz')
    expect(await w.json(res)).toEqual({ status: 'ready' })
    expect(errorLines(w.logs)).toEqual([])
  })

  // The Worker remembers the mode of the last origin it saw, to skip parsing each URL: a request
  // to another host must still be judged by its own host, in either direction.
  it('judges each request by its own host, in the same isolate', async () => {
    const atHost = async (path: string) => (await w.fetch(path)).status
    expect(await atHost('/readyz')).toBe(200)
    expect(await atHost(`${origin}/readyz`)).toBe(503)
    expect(await atHost('/readyz')).toBe(200)
    expect(await atHost('http://127.0.0.1:8788/readyz')).toBe(200)
    expect(await atHost(`${origin}/readyz`)).toBe(503)
  })

  it('made a demo site allowed at the address it was reached at, and printed its keys', async () => {
    const sites = await w.query<{ id: string; name: string; publishable_key: string }>(
      'SELECT id, name, publishable_key FROM sites',
    )
    expect(sites).toHaveLength(1)
    const [site] = sites
    expect(site?.name).toBe('Demo site')
    const origins = await w.query<{ origin: string }>(
      'SELECT origin FROM site_origins WHERE site_id = ?',
      site?.id,
    )
    expect(origins).toEqual([{ origin: devOrigin }])
    expect(formatLogs(w.logs)).toContain(`publishable key: ${site?.publishable_key}`)
    expect(formatLogs(w.logs)).toMatch(/secret key: +sk_/)
  })
})

// Settings the Worker cannot serve with at all. Each refuses every request, says why once in
// its log, and touches no database: it does not guess which one holds the data.
const refusals: {
  case: string
  options: Omit<WorkerHarnessOptions, 'awaitStart'>
  names: string
  logged: string
}[] = [
  {
    case: 'both a D1 database and a Turso DATABASE_URL',
    options: {
      database: 'd1',
      extraVars: { DATABASE_URL: 'libsql://porchlight-example.turso.io' },
    },
    names: 'DB, DATABASE_URL',
    logged: 'both a D1 database (the DB binding) and a Turso database',
  },
  {
    // The D1 block removed, as for Turso, but DATABASE_URL left empty.
    case: 'no database at all',
    options: { database: 'turso', extraVars: { DATABASE_URL: '' } },
    names: 'DB, DATABASE_URL',
    logged: 'no database. Bind a D1 database as DB',
  },
  {
    // What `wrangler dev` reads from the Node server's .env when there is no .dev.vars.
    case: 'a file: DATABASE_URL beside D1',
    options: { database: 'd1', extraVars: { DATABASE_URL: 'file:./data/porchlight.db' } },
    names: 'DATABASE_URL',
    logged: 'a Worker has no files',
  },
  {
    // A WebSocket cannot stay open between a Worker's requests; the bundle has no client for it.
    case: 'a wss: Turso DATABASE_URL',
    options: {
      database: 'turso',
      extraVars: { DATABASE_URL: 'wss://porchlight-example.turso.io' },
    },
    names: 'DATABASE_URL',
    logged: 'a Worker reaches Turso over HTTP, not a WebSocket',
  },
  {
    // A Turso deployment (D1 block removed, DATABASE_URL set) still on the shipped D1 build,
    // which carries no libSQL client: it says which line of wrangler.toml to change.
    case: 'a Turso DATABASE_URL on the build for D1',
    options: { database: 'turso', build: 'd1' },
    names: 'DATABASE_URL',
    logged:
      'this Worker was built for D1 and carries no Turso client. For Turso, set PORCHLIGHT_WORKER_DATABASE',
  },
  {
    // SMTP needs TCP sockets, which a Worker does not have.
    case: 'the SMTP mail transport',
    options: {
      database: 'd1',
      extraVars: { MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://user:pass@smtp.example.com:587' },
    },
    names: 'MAIL_TRANSPORT',
    logged: 'MAIL_TRANSPORT=smtp needs TCP sockets',
  },
  {
    case: 'an invalid setting',
    options: { database: 'd1', extraVars: { MAIL_TRANSPORT: 'carrier-pigeon' } },
    names: 'MAIL_TRANSPORT',
    logged: 'MAIL_TRANSPORT',
  },
]

describe.each(refusals)('a Worker with $case', ({ options, names, logged }) => {
  let w: WorkerHarness

  beforeAll(async () => {
    w = await startWorkerHarness({ ...options, awaitStart: false })
  }, 240_000)

  afterAll(async () => {
    await w?.close()
  })

  it('refuses every request with 503 INVALID_CONFIGURATION naming the settings', async () => {
    for (const path of ['/healthz', '/readyz', '/v1/site', '/embed.js']) {
      const res = await w.fetch(path)
      const body = await w.json(res)
      expect({ path, status: res.status, code: body.error?.code }).toEqual({
        path,
        status: 503,
        code: 'INVALID_CONFIGURATION',
      })
      expect(body.error.message).toContain(`(${names})`)
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('logged why once, and wrote to no database', async () => {
    const lines = errorLines(w.logs)
    expect(lines, formatLogs(w.logs)).toHaveLength(1)
    expect(lines[0]).toContain(logged)
    // Not even the migrations.
    const tables = await w.query(
      "SELECT name FROM sqlite_master WHERE name = 'porchlight_migrations'",
    )
    expect(tables).toEqual([])
  })
})
