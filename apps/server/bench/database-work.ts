// The database work of each measured endpoint, taken from Porchlight itself: the bench replays
// the query functions the routes call against a recording client and hands the baseline the exact
// SQL they sent. The baseline then runs that SQL on the raw client, with arguments it derives
// from each request, so SQLite does identical work on both sides however the queries evolve
// (a new column on `sites` changes both at once).
import type { Client } from '@libsql/client'
import { readAuthSettings } from '../src/auth/settings.ts'
import { systemClock } from '../src/clock.ts'
import { formById } from '../src/contact/queries.ts'
import { submitForm } from '../src/contact/submit.ts'
import { createDatabase } from '../src/db/client.ts'
import { pendingMigrations } from '../src/db/migrate.ts'
import { createRateLimiter } from '../src/http/rate-limit.ts'
import { noMetrics } from '../src/metrics/metrics.ts'
import { parseSecretKey } from '../src/sites/keys.ts'
import { activeSecretKey, siteByPublishableKey, siteDetails } from '../src/sites/queries.ts'
import { siteScope } from '../src/sites/scope.ts'
import type { BenchSite } from './scenarios.ts'

/** One round trip to the client: a single statement, or a batch (one transaction). */
export type DatabaseCall = {
  batch: boolean
  statements: { sql: string; args: unknown[] }[]
  /** The transaction mode a batch asked for, if any. */
  mode?: string
}

export type DatabaseWork = {
  /** `GET /readyz`: `pendingMigrations` (make sure the ledger exists, then read it). */
  readyz: DatabaseCall[]
  /** `GET /v1/site`: `siteByPublishableKey` (the site and its origins in one batch). */
  publicSite: DatabaseCall[]
  /** `GET /v1/admin/site`: `activeSecretKey`, then `siteDetails`. */
  adminSite: DatabaseCall[]
  /** `POST /v1/forms/:formId/submissions`: the batch that stores a submission (below). */
  submission: SubmissionWork
}

/**
 * The writes that store one contact submission: the submission row and its notification job,
 * in one batch, as `submitForm` sends them. `columns` names the value each `?` takes, per
 * statement, so the baseline can fill in the values of each request. What Porchlight reads and
 * writes before that batch (the checks the baseline does not make) is in `before`, for the docs.
 */
export type SubmissionWork = {
  batch: DatabaseCall
  columns: string[][]
  before: DatabaseCall[]
  site: { id: string; name: string }
  form: { id: string; name: string; notify: string[] }
}

/** The columns a submission's batch binds; any other column means baseline.ts must follow. */
export const submissionColumns = [
  [
    'id',
    'site_id',
    'form_id',
    'status',
    'data',
    'spam_reasons',
    'email',
    'member_id',
    'ip',
    'user_agent',
    'content_hash',
    'notified_at',
    'created_at',
    'updated_at',
  ],
  [
    'id',
    'site_id',
    'kind',
    'payload',
    'status',
    'attempts',
    'max_attempts',
    'run_at',
    'created_at',
    'updated_at',
  ],
]

/** The endpoints whose every statement takes the same arguments, replayed as recorded. */
type ReplayedWork = 'readyz' | 'publicSite' | 'adminSite'

/**
 * Records what Porchlight sends for each endpoint, and checks it has the shape baseline.ts
 * replays: each call a single statement or a batch as listed, every statement in a call taking
 * the same arguments (none, the publishable key, the secret key's id, or the site id). A change
 * of shape — a new call, a second argument — stops the bench until baseline.ts follows.
 */
export async function recordDatabaseWork(client: Client, site: BenchSite): Promise<DatabaseWork> {
  const keyId = parseSecretKey(site.secretKey)?.id ?? ''
  const replays: Record<ReplayedWork, (client: Client) => Promise<unknown>> = {
    readyz: (c) => pendingMigrations(c),
    publicSite: (c) => siteByPublishableKey(createDatabase(c), site.publishableKey),
    // The once-a-minute last-used write is left out: it is not per-request work.
    adminSite: async (c) => {
      const db = createDatabase(c)
      const key = await activeSecretKey(db, keyId)
      if (!key) throw new Error('the bench site has no active secret key')
      return siteDetails(db, siteScope(key.siteId))
    },
  }
  const expected: Record<ReplayedWork, { batch: boolean; args: unknown[] }[]> = {
    readyz: [
      { batch: false, args: [] },
      { batch: false, args: [] },
    ],
    publicSite: [{ batch: true, args: [site.publishableKey] }],
    adminSite: [
      { batch: false, args: [keyId] },
      { batch: true, args: [site.id] },
    ],
  }
  const work: Pick<DatabaseWork, ReplayedWork> = { readyz: [], publicSite: [], adminSite: [] }
  const problems: string[] = []
  for (const name of Object.keys(replays) as ReplayedWork[]) {
    await replays[name](recording(client, work[name]))
    const matches =
      work[name].length === expected[name].length &&
      work[name].every((call, i) => {
        const want = expected[name][i]
        const same = (args: unknown[]) => JSON.stringify(args) === JSON.stringify(want?.args)
        return call.batch === want?.batch && call.statements.every((s) => same(s.args))
      })
    if (!matches) {
      problems.push(`${name}: Porchlight now sends\n${show(work[name])}`)
    }
  }
  const submission = await recordSubmissionWork(client, site)
  if (typeof submission === 'string') problems.push(submission)
  if (problems.length > 0) {
    throw new Error(
      `the shape of Porchlight's database work changed; update baseline.ts and database-work.ts:\n${problems.join('\n')}`,
    )
  }
  return { ...work, submission: submission as SubmissionWork }
}

/**
 * Stores one submission through `submitForm` on a recording client. The recorded submission
 * (address `recorded`) stays in the database; the bench's own count leaves it out.
 */
async function recordSubmissionWork(
  client: Client,
  site: BenchSite,
): Promise<SubmissionWork | string> {
  const calls: DatabaseCall[] = []
  const db = createDatabase(recording(client, calls))
  const scope = siteScope(site.id)
  const form = await formById(createDatabase(client), scope, site.formId)
  if (!form) throw new Error('the bench site has no bench form')
  const resolved = {
    id: site.id,
    name: site.name,
    origins: [site.origin],
    signingSecret: 'unused: no challenge is sent with this submission',
    auth: readAuthSettings({}),
    scope,
  }
  await submitForm(
    {
      db,
      clock: systemClock,
      limiter: createRateLimiter(db, systemClock),
      turnstile: { verify: async () => ({ success: true, errorCodes: [] }) },
      metrics: noMetrics,
    },
    resolved,
    form,
    {
      fields: { name: 'Recorded', email: 'recorded@bench.example', message: 'Recorded.' },
      control: {},
      invalid: {},
      viaScript: false,
    },
    { ip: 'recorded' },
  )
  const batch = calls.at(-1)
  const columns = batch?.statements.map((s) => boundColumns(s.sql)) ?? []
  const tables = batch?.statements.map((s) => /^insert into "(\w+)"/.exec(s.sql)?.[1])
  const expected = JSON.stringify(submissionColumns)
  if (
    !batch?.batch ||
    JSON.stringify(tables) !== JSON.stringify(['submissions', 'outbox']) ||
    JSON.stringify(columns) !== expected
  ) {
    return `submission: Porchlight now stores a submission with\n${show(batch ? [batch] : [])}`
  }
  return {
    batch,
    columns,
    before: calls.slice(0, -1),
    site: { id: site.id, name: site.name },
    form: { id: form.id, name: form.name, notify: form.settings.notify },
  }
}

/**
 * The column each `?` of an `insert into "t" ("a", "b", …) values (?, null, …)` binds, in order
 * (drizzle writes `null` in place for values left out).
 */
export function boundColumns(sql: string): string[] {
  const match = /^insert into "\w+" \(([^)]*)\) values \(([^)]*)\)/.exec(sql)
  if (!match) return []
  const names = (match[1] ?? '').split(',').map((c) => c.trim().replace(/"/g, ''))
  const values = (match[2] ?? '').split(',').map((v) => v.trim())
  return names.filter((_, i) => values[i] === '?')
}

/** The same client, noting each `execute` and `batch` it is asked for. */
export function recording(client: Client, calls: DatabaseCall[]): Client {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'execute') {
        return (...input: Parameters<Client['execute']>) => {
          calls.push({ batch: false, statements: [normalize(...input)] })
          return target.execute(...input)
        }
      }
      if (property === 'batch') {
        return (
          statements: Parameters<Client['batch']>[0],
          mode?: Parameters<Client['batch']>[1],
        ) => {
          calls.push({
            batch: true,
            statements: statements.map((s) => normalize(s)),
            ...(mode && { mode }),
          })
          return target.batch(statements, mode)
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      // The client keeps private fields, which only the real object can reach.
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

function normalize(statement: unknown, given?: unknown): { sql: string; args: unknown[] } {
  const args = given === undefined ? [] : Array.isArray(given) ? given : [given]
  if (typeof statement === 'string') return { sql: statement, args }
  if (Array.isArray(statement)) return { sql: String(statement[0]), args: statement[1] ?? [] }
  if (statement && typeof statement === 'object' && 'sql' in statement) {
    return normalize(statement.sql, 'args' in statement ? statement.args : undefined)
  }
  return { sql: String(statement), args }
}

function show(calls: readonly DatabaseCall[]) {
  return calls
    .map((c) => `    ${c.batch ? 'batch' : 'execute'} ${JSON.stringify(c.statements)}`)
    .join('\n')
}
