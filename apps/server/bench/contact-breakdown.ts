// `node apps/server/bench/contact-breakdown.ts [--n 2000]`
//
// Where a contact submission's CPU time goes, piece by piece: each step of the route run alone,
// in-process, many times over one database, timed with process.cpuUsage() (all threads, so the
// Web Crypto work on libuv's pool counts too). Complements `npm run bench -- --only contact`,
// which measures the whole request over HTTP: these are the parts it is made of.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createChallenge as recomputeChallenge } from 'altcha-lib/v1'
import { eq, sql } from 'drizzle-orm'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { createForm } from '../src/contact/forms.ts'
import { notificationsFor } from '../src/contact/notify.ts'
import { formById } from '../src/contact/queries.ts'
import { formSettingsSchema } from '../src/contact/schemas.ts'
import { migrate } from '../src/db/migrate.ts'
import { sites, submissions } from '../src/db/schema.ts'
import { createDeps } from '../src/deps.ts'
import { openDatabase } from '../src/entry/node.ts'
import { countHitThenIfWithin, slidingWindow } from '../src/http/rate-limit.ts'
import { newId, randomToken } from '../src/ids.ts'
import { type ClaimedJob, deliverClaimed, deliverDue } from '../src/outbox/deliver.ts'
import { enqueue, enqueueWhen, jobIdFor } from '../src/outbox/jobs.ts'
import { siteByPublishableKey } from '../src/sites/queries.ts'
import { siteScope } from '../src/sites/scope.ts'
import { createSite } from '../src/sites/service.ts'
import { contentHash, isRecentDuplicate } from '../src/spam/content-rules.ts'
import { createChallenge, solveChallenge, verifyProofOfWork } from '../src/spam/proof-of-work.ts'
import { checkTimeToken, issueTimeToken } from '../src/spam/time-token.ts'
import { type DatabaseCall, recording } from './database-work.ts'
import { markdownTable } from './load.ts'

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' } } })
const n = Math.max(100, Number(values.n) || 2000)

const dir = mkdtempSync(join(tmpdir(), 'porchlight-breakdown-'))
const config = loadConfig({ DATABASE_URL: `file:${join(dir, 'b.db')}`, LOG_LEVEL: 'warn' })
const client = await openDatabase(config.database)
try {
  await migrate(client)
  const deps = createDeps({ config, client, socketAddress: () => '127.0.0.1' })
  const { db, clock } = deps
  const site = await createSite(deps, { name: 'Bench site', origins: ['https://bench.example'] })
  const scope = siteScope(site.id)
  const [row] = await db.select({ signingSecret: sites.signingSecret }).from(sites)
  const secret = row?.signingSecret ?? ''
  await createForm({ db, clock, allowPrivateWebhooks: false }, scope, {
    id: 'bench',
    name: 'Contact',
    enabled: true,
    settings: formSettingsSchema.parse({
      notify: ['owner@bench.example'],
      rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
      spam: { proofOfWork: 'off' },
    }),
  })
  const form = await formById(db, scope, 'bench')
  if (!form) throw new Error('no form')
  let i = 0
  const fields = () => ({
    name: `Sender ${i}`,
    email: `sender${i}@bench.example`,
    message: `Hello, I have a question about the invoice (${i}). Could you call me back?`,
  })

  /** CPU µs per call of `step`, over `n` calls after 50 unmeasured ones. */
  const cpu = async (step: () => Promise<unknown>) => {
    for (let k = 0; k < 50; k++, i++) await step()
    const before = process.cpuUsage()
    for (let k = 0; k < n; k++, i++) await step()
    const used = process.cpuUsage(before)
    return (used.user + used.system) / n
  }

  // Everything but proof of work (turned off on this form: solving 2,000 challenges would take
  // a minute); `verifyProofOfWork` is measured on its own below.
  const app = createApp(deps)
  const submit = () =>
    app.request('/v1/forms/bench/submissions', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-porchlight-key': site.publishableKey,
        origin: 'https://bench.example',
      },
      body: JSON.stringify(fields()),
    })
  // The outbox delivers each notification after the response (a `kick` per request): measured
  // with it, and with a stand-in runner that delivers nothing, to tell the two apart.
  const outbox = deps.outbox
  const requests = async (kick: boolean) => {
    deps.outbox = kick
      ? outbox
      : {
          kick: async () => {},
          tick: async () => {},
          close: async () => {},
          // Queued unclaimed, and left: nothing is delivered.
          birthClaim: () => null,
          deliverBornClaimed: async () => {},
        }
    for (let k = 0; k < 50; k++, i++) await submit()
    await outbox.kick()
    const start = process.cpuUsage()
    for (let k = 0; k < n; k++, i++) {
      const res = await submit()
      if (res.status !== 201) throw new Error(`submission: ${res.status} ${await res.text()}`)
    }
    await outbox.kick()
    const spent = process.cpuUsage(start)
    return (spent.user + spent.system) / n
  }
  const withDelivery = await requests(true)
  const withoutDelivery = await requests(false)
  deps.outbox = outbox

  // Real solutions for verifyProofOfWork: small challenges (1,000 numbers), as checking one
  // costs the same whatever the maximum was (one hash, one HMAC, one insert).
  const solutions: string[] = []
  for (let k = 0; k < n + 50; k++) {
    const small = await createChallenge(secret, { now: clock.now(), maxNumber: 1000 })
    const solved = await solveChallenge(small)
    if (solved) solutions.push(solved.payload)
  }
  const challenge = await createChallenge(secret, { now: clock.now() })
  const token = issueTimeToken(secret, 'bench', clock.now() - 10_000)
  const pieces: [string, number][] = [
    [
      'site by publishable key (batch of 2 reads)',
      await cpu(() => siteByPublishableKey(db, site.publishableKey)),
    ],
    ['form by id (read, settings parsed by zod)', await cpu(() => formById(db, scope, 'bench'))],
    [
      'rate limits: address and form in one statement (as a submission counts them)',
      await cpu(() =>
        db.batch([
          countHitThenIfWithin(
            db,
            { siteId: site.id, bucket: 'a', limit: 1e9 },
            { siteId: site.id, bucket: 'b' },
            slidingWindow(clock.now(), 3_600_000),
          ),
        ]),
      ),
    ],
    [
      'proof of work: recompute challenge + HMAC (altcha-lib, Web Crypto)',
      await cpu(() =>
        recomputeChallenge({
          algorithm: 'SHA-256',
          hmacKey: secret,
          number: 1,
          salt: challenge.salt,
        }),
      ),
    ],
    [
      'proof of work: verifyProofOfWork (the above + spent-token insert)',
      await cpu(async () => {
        const result = await verifyProofOfWork(db, clock, scope, secret, solutions.pop() ?? '')
        if (result !== 'ok') throw new Error(`proof of work: ${result}`)
      }),
    ],
    [
      'proof of work: the spent-token insert alone',
      await cpu(() =>
        client.execute({
          sql: `INSERT INTO spent_tokens (site_id, token_hash, expires_at) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING RETURNING token_hash`,
          args: [site.id, newId('tok'), clock.now() + 600_000],
        }),
      ),
    ],
    [
      'time token (HMAC, @oslojs/crypto)',
      await cpu(async () => checkTimeToken(secret, 'bench', token, clock.now())),
    ],
    [
      'content hash + duplicate lookup',
      await cpu(async () => {
        const hash = await contentHash('bench', fields())
        await isRecentDuplicate(db, scope, hash, clock.now() - 3_600_000)
      }),
    ],
    [
      'notification email built (text + HTML) and checked by zod',
      await cpu(async () =>
        notificationsFor(form, site, {
          id: newId('sub'),
          formId: 'bench',
          data: fields(),
          email: null,
          createdAt: 0,
        }),
      ),
    ],
    [
      'the batch itself: submission + job (drizzle)',
      await cpu(async () => {
        const id = newId('sub')
        const now = clock.now()
        await db.batch([
          db.insert(submissions).values({
            id,
            siteId: site.id,
            formId: 'bench',
            status: 'spam',
            data: fields(),
            spamReasons: [],
            email: null,
            ip: '127.0.0.1',
            contentHash: newId('h'),
            createdAt: now,
            updatedAt: now,
          }),
          enqueue(db, clock, scope, { kind: 'none', payload: { id }, delayMs: 3_600_000 }),
        ])
      }),
    ],
  ]
  // Delivery: queue n notifications, then time the outbox delivering them (dev transport).
  for (let k = 0; k < n; k++, i++) {
    const [job] = notificationsFor(form, site, {
      id: newId('sub'),
      formId: 'bench',
      data: fields(),
      email: null,
      createdAt: 0,
    })
    if (job) await db.batch([enqueue(db, clock, scope, job)])
  }
  const before = process.cpuUsage()
  let delivered = 0
  for (let claimed = 1; claimed > 0; ) {
    claimed = await deliverDue({ db, clock, log: deps.log, handlers: { email: async () => {} } })
    delivered += claimed
  }
  const used = process.cpuUsage(before)
  pieces.push([
    `outbox delivery per job (claim in tens, mark delivered; handler skipped), ${delivered} jobs`,
    (used.user + used.system) / Math.max(1, delivered),
  ])
  // A submission's own jobs are queued claimed by the process (`birthClaim`), which delivers
  // them without claiming: the outcome writes alone, in rounds of ten.
  const claim = { leaseUntil: clock.now() + 120_000 }
  const bornClaimed: ClaimedJob[] = []
  for (let k = 0; k < n; k++, i++) {
    const [job] = notificationsFor(form, site, {
      id: newId('sub'),
      formId: 'bench',
      data: fields(),
      email: null,
      createdAt: 0,
    })
    if (!job) continue
    const id = jobIdFor(job)
    await db.batch([enqueueWhen(db, clock, scope, job, sql`1`, { claim, id })])
    bornClaimed.push({
      id,
      siteId: site.id,
      kind: job.kind,
      payload: job.payload,
      attempt: 1,
      maxAttempts: 10,
      runAt: clock.now(),
    })
  }
  const bornBefore = process.cpuUsage()
  for (let k = 0; k < bornClaimed.length; k += 10) {
    await deliverClaimed(
      { db, clock, log: deps.log, handlers: { email: async () => {} } },
      bornClaimed.slice(k, k + 10),
    )
  }
  const bornUsed = process.cpuUsage(bornBefore)
  pieces.push([
    `outbox delivery per job born claimed (no claim; marked delivered ten at a time; handler skipped), ${bornClaimed.length} jobs`,
    (bornUsed.user + bornUsed.system) / Math.max(1, bornClaimed.length),
  ])

  // The same database work without Porchlight's code around it: one real submission (with a
  // solved proof of work, on a form with the default spam settings) recorded statement by
  // statement, then replayed on the raw client with fresh ids and hashes each time.
  await createForm({ db, clock, allowPrivateWebhooks: false }, scope, {
    id: 'checked',
    name: 'Contact',
    enabled: true,
    settings: formSettingsSchema.parse({
      notify: ['owner@bench.example'],
      rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
    }),
  })
  const calls: DatabaseCall[] = []
  const recorder = createDeps({
    config,
    client: recording(client, calls),
    socketAddress: () => '127.0.0.1',
  })
  const solved = await solveChallenge(
    await createChallenge(secret, { now: clock.now(), maxNumber: 1000 }),
  )
  const recorded = await createApp(recorder).request('/v1/forms/checked/submissions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-porchlight-key': site.publishableKey,
      origin: 'https://bench.example',
    },
    body: JSON.stringify({
      ...fields(),
      _altcha: solved?.payload,
      _t: issueTimeToken(secret, 'checked', clock.now() - 10_000),
    }),
  })
  if (recorded.status !== 201) throw new Error(`recorded submission: ${recorded.status}`)
  await recorder.outbox.kick()
  // And one on the form the whole-request rows use (proof of work off), as the bench's row.
  const openFrom = calls.length
  const recordedOpen = await createApp(recorder).request('/v1/forms/bench/submissions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-porchlight-key': site.publishableKey,
      origin: 'https://bench.example',
    },
    body: JSON.stringify(fields()),
  })
  if (recordedOpen.status !== 201) throw new Error(`recorded submission: ${recordedOpen.status}`)
  await recorder.outbox.kick()
  const openCalls = calls.splice(openFrom)
  // The delivery starts while the response goes out: its statements are the outbox updates.
  const isDelivery = (call: DatabaseCall) =>
    call.statements.some((statement) => statement.sql.startsWith('update "outbox"'))
  // The request's write transaction alone: the site and form reads before it are served from
  // the site cache once warm.
  const isRequestWrite = (call: DatabaseCall) =>
    !isDelivery(call) && call.statements.some((s) => /^\s*insert/i.test(s.sql))
  const requestCalls = calls.filter(isRequestWrite)
  const openWrite = openCalls.filter(isRequestWrite)
  const [stored] = await db
    .select({ status: submissions.status, reasons: submissions.spamReasons })
    .from(submissions)
    .where(eq(submissions.formId, 'checked'))
  if (stored?.status !== 'new') {
    throw new Error(`the recorded submission is spam: ${JSON.stringify(stored?.reasons)}`)
  }
  const replay = async (list: DatabaseCall[]) => {
    // Fresh submission ids and hashes (content, spent token) each time, the same within a run.
    const fresh = new Map<string, string>()
    const freshId = (id: string) => {
      const known = fresh.get(id) ?? newId('sub')
      fresh.set(id, known)
      return known
    }
    const swap = (arg: unknown) =>
      typeof arg === 'string'
        ? arg
            .replace(/sub_[a-z2-7]{24}/g, freshId)
            .replace(/^[0-9a-f]{64}$/, () => randomToken(40).slice(0, 64))
        : arg
    for (const call of list) {
      const statements = call.statements.map(({ sql, args }) => ({
        sql,
        args: args.map(swap) as never,
      }))
      if (call.batch) await client.batch(statements, call.mode as never)
      else if (statements[0]) await client.execute(statements[0])
    }
  }
  const count = (list: DatabaseCall[]) => list.reduce((sum, c) => sum + c.statements.length, 0)
  pieces.push([
    `a submission's write transaction, proof of work on, raw client (${count(requestCalls)} statements)`,
    await cpu(() => replay(requestCalls)),
  ])
  pieces.push([
    `the same, proof of work off (the bench's row), raw client (${count(openWrite)} statements)`,
    await cpu(() => replay(openWrite)),
  ])
  // What baseline.ts writes for the same submission: the row and its notification job as two
  // plain inserts in one transaction. The difference to the row above is the database work of
  // the checks settled inside the write (counters, replay, duplicate, the conditions).
  const [job] = notificationsFor(form, site, {
    id: newId('sub'),
    formId: 'bench',
    data: fields(),
    email: null,
    createdAt: 0,
  })
  const payload = JSON.stringify(job?.payload ?? {})
  pieces.push([
    'the same two rows as plain inserts, raw client (what the baseline writes)',
    await cpu(() => {
      const id = newId('sub')
      const now = clock.now()
      const data = JSON.stringify(fields())
      return client.batch(
        [
          {
            sql: `INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons, email,
              ip, content_hash, notified_at, created_at, updated_at)
              VALUES (?, ?, 'bench', 'new', ?, '[]', ?, '127.0.0.1', ?, ?, ?, ?)`,
            args: [id, site.id, data, `sender${i}@bench.example`, randomToken(40), now, now, now],
          },
          {
            sql: `INSERT INTO outbox (id, site_id, kind, payload, max_attempts, topic, run_at,
              created_at, updated_at) VALUES (?, ?, 'email', ?, 10, 'form:bench', ?, ?, ?)`,
            args: [`job_${id}.notify`, site.id, payload, now, now, now],
          },
        ],
        'write',
      )
    }),
  ])

  console.log(`contact submission, CPU µs per call (n = ${n}, ${process.version}):\n`)
  console.log(
    markdownTable(
      ['step', 'CPU µs'],
      [
        [
          'whole request through createApp, no proof of work, delivery after each',
          withDelivery.toFixed(0),
        ],
        ['the same, delivery left for later (its cost: last row)', withoutDelivery.toFixed(0)],
        ...pieces.map(([name, us]) => [name, us.toFixed(0)]),
      ],
    ),
  )
} finally {
  client.close()
  rmSync(dir, { recursive: true, force: true })
}
