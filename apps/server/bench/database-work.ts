// The database work of each measured endpoint, taken from Porchlight itself: the bench replays
// the query functions the routes call against a recording client and hands the baseline the exact
// SQL they sent. The baseline then runs that SQL on the raw client, with arguments it derives
// from each request, so SQLite does identical work on both sides however the queries evolve
// (a new column on `sites` changes both at once). Contact submissions are the exception: see
// `SubmissionWork`.
import type { Client } from '@libsql/client'
import { formById } from '../src/contact/queries.ts'
import { createDatabase } from '../src/db/client.ts'
import { pendingMigrations } from '../src/db/migrate.ts'
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
  /** `POST /v1/forms/:formId/submissions`: where the baseline stores a submission (below). */
  submission: SubmissionWork
}

/**
 * What the baseline needs to store a contact submission as a hand-written server would: the
 * site and form it belongs to. Its SQL is its own (baseline.ts), not Porchlight's: the contact
 * rows compare different work on purpose (everything a submission needs, against the storing
 * alone), and Porchlight's statements for it change as the submission path is optimised.
 */
export type SubmissionWork = {
  site: { id: string; name: string }
  form: { id: string; name: string; notify: string[] }
}

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
  if (problems.length > 0) {
    throw new Error(
      `the shape of Porchlight's database work changed; update baseline.ts and database-work.ts:\n${problems.join('\n')}`,
    )
  }
  const form = await formById(createDatabase(client), siteScope(site.id), site.formId)
  if (!form) throw new Error('the bench site has no bench form')
  const submission = {
    site: { id: site.id, name: site.name },
    form: { id: form.id, name: form.name, notify: form.settings.notify },
  }
  return { ...work, submission }
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
