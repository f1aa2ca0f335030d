// What a bench run stands on: the two databases, and the two servers as child processes.
import { writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BreachedPasswordChecker } from '../src/auth/breached-passwords.ts'
import { createMember } from '../src/auth/create-member.ts'
import { createPasswordHasher } from '../src/auth/password.ts'
import { readAuthSettings } from '../src/auth/settings.ts'
import { systemClock } from '../src/clock.ts'
import { createForm } from '../src/contact/forms.ts'
import { formSettingsSchema } from '../src/contact/schemas.ts'
import { createDatabase } from '../src/db/client.ts'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase } from '../src/entry/node.ts'
import { siteScope } from '../src/sites/scope.ts'
import { createSite } from '../src/sites/service.ts'
import { recordDatabaseWork } from './database-work.ts'
import { freePort, type ServerProcess, startProcess, waitUntilReady } from './processes.ts'
import type { BenchSite } from './scenarios.ts'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const exitWithParent = [
  '--import',
  fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url)),
]

/** Members the sign-in rows take turns with; each has a real scrypt hash, made at setup. */
export const benchMemberCount = 10

/**
 * Porchlight's database is made by our own code (open, migrate, create a site, its contact
 * forms and verified members); the baseline gets a copy of it (`VACUUM INTO`), so both start
 * from the same schema and rows, and the SQL Porchlight's queries send (`<dir>/work.json`, see
 * database-work.ts).
 */
export async function prepareDatabases(dir: string): Promise<BenchSite> {
  const client = await openDatabase({ url: `file:${join(dir, 'porchlight.db')}` })
  try {
    await migrate(client)
    const origin = 'https://bench.example'
    const db = createDatabase(client)
    const created = await createSite(
      { db, clock: systemClock },
      { name: 'Bench site', origins: [origin] },
    )
    // A form as an owner would set it up: one recipient, the default spam layers (proof of work
    // for scripted posts, the time trap, duplicates), and rate limits raised to their maximum so
    // one address can send the whole measurement.
    const formId = 'bench'
    await createForm(
      { db, clock: systemClock, allowPrivateWebhooks: false },
      siteScope(created.id),
      {
        id: formId,
        name: 'Contact',
        enabled: true,
        settings: formSettingsSchema.parse({
          notify: ['owner@bench.example'],
          rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
        }),
      },
    )
    // The same form with proof of work off (every other layer and the mail on): the row that
    // compares a submission with one bare insert needs no solved challenges, as in
    // contact-breakdown.ts.
    const openFormId = 'open'
    await createForm(
      { db, clock: systemClock, allowPrivateWebhooks: false },
      siteScope(created.id),
      {
        id: openFormId,
        name: 'Contact (no proof of work)',
        enabled: true,
        settings: formSettingsSchema.parse({
          notify: ['owner@bench.example'],
          rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
          spam: { proofOfWork: 'off' },
        }),
      },
    )
    const members = await createMembers(db, created.id)
    const site = {
      id: created.id,
      name: created.name,
      publishableKey: created.publishableKey,
      secretKey: created.secretKey,
      origin,
      formId,
      openFormId,
      members,
    }
    const work = await recordDatabaseWork(client, site)
    writeFileSync(join(dir, 'work.json'), JSON.stringify(work, null, 2))
    await client.execute({ sql: 'VACUUM INTO ?', args: [join(dir, 'baseline.db')] })
    return site
  } finally {
    client.close()
  }
}

/** Verified members with today's password parameters, so no sign-in rehashes. */
async function createMembers(db: ReturnType<typeof createDatabase>, siteId: string) {
  const neverAsked: BreachedPasswordChecker = {
    isBreached: () => Promise.reject(new Error('the bench site does not check breaches')),
  }
  const deps = {
    db,
    clock: systemClock,
    // All cores: this is setup, not measured.
    passwords: createPasswordHasher({ maxConcurrent: availableParallelism() }),
    breachedPasswords: neverAsked,
  }
  const members = Array.from({ length: benchMemberCount }, (_, i) => ({
    email: `member-${i}@bench.example`,
    password: `bench-${i}-correct-horse-battery-staple`,
  }))
  await Promise.all(
    members.map((member, i) =>
      createMember(deps, siteScope(siteId), readAuthSettings({}), {
        ...member,
        displayName: `Bench member ${i}`,
        verified: true,
      }),
    ),
  )
  return members
}

export type ServerOptions = {
  /** Holds the databases; also the servers' working directory. */
  dir: string
  /** Extra flags for `node`, e.g. `--cpu-prof`. */
  nodeArgs?: string[]
}

/**
 * `porchlight serve` on a free loopback port, over `<dir>/porchlight.db` unless `database` names
 * another file, once it answers. `env` adds settings (the forum rows trust X-Forwarded-For).
 */
export async function startPorchlight(
  options: ServerOptions & {
    logLevel: string
    database?: string
    env?: Record<string, string>
    name?: string
    /** An IPC channel to the server, for a preloaded probe (`--import`, see memory-probe.ts). */
    ipc?: boolean
  },
): Promise<ServerProcess> {
  const port = await freePort()
  const server = startProcess({
    name: options.name ?? 'porchlight',
    args: [
      ...exitWithParent,
      ...(options.nodeArgs ?? []),
      join(root, 'apps/server/bin/porchlight.js'),
      'serve',
    ],
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${options.database ?? join(options.dir, 'porchlight.db')}`,
      // Per-request log lines would measure stdout, not Porchlight; warn keeps real trouble
      // visible. The logging middleware itself still runs (see docs/performance.md).
      LOG_LEVEL: options.logLevel,
      DEMO_SITE: 'false',
      ...options.env,
    },
    port,
    // Not the checkout: the CLI reads a .env from where it runs, which must not change the run.
    cwd: options.dir,
    ...(options.ipc && { ipc: true }),
  })
  await waitUntilReady(server, '/healthz', 60_000)
  return server
}

/** The bare baseline (baseline.ts) on a free loopback port, over `<dir>/baseline.db`. */
export async function startBaseline(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort()
  const server = startProcess({
    name: 'baseline',
    args: [
      ...exitWithParent,
      ...(options.nodeArgs ?? []),
      join(root, 'apps/server/bench/baseline.ts'),
    ],
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${join(options.dir, 'baseline.db')}`,
      WORK_FILE: join(options.dir, 'work.json'),
    },
    port,
    cwd: options.dir,
  })
  await waitUntilReady(server, '/hello', 20_000)
  return server
}

/**
 * The bare forum baseline (forum-baseline.ts) on a free loopback port, over `database`, with the
 * page statements Porchlight sends (`workFile`, see forum-work.ts).
 */
export async function startForumBaseline(
  options: ServerOptions & { database: string; workFile: string },
): Promise<ServerProcess> {
  const port = await freePort()
  const server = startProcess({
    name: 'forum baseline',
    args: [
      ...exitWithParent,
      ...(options.nodeArgs ?? []),
      join(root, 'apps/server/bench/forum-baseline.ts'),
    ],
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${options.database}`,
      WORK_FILE: options.workFile,
    },
    port,
    cwd: options.dir,
  })
  await waitUntilReady(server, '/healthz', 20_000)
  return server
}
