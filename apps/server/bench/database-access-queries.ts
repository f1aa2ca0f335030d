// The three queries database-access.ts times, as drizzle builds them for Porchlight's own query
// shapes (`siteByPublishableKey`, `postsPage`, the submission batch of `submitForm`), and the
// same SQL as text for the candidates without drizzle.
import { and, asc, eq, gt } from 'drizzle-orm'
import { createDatabase, type Database } from '../src/db/client.ts'
import { createLocalClient } from '../src/db/local-client.ts'
import { members, outbox, posts, siteOrigins, sites, submissions } from '../src/db/schema.ts'
import type { AccessWorld } from './database-access-seed.ts'

export const siteSelects = (db: Database, key: unknown) =>
  [
    db
      .select({
        id: sites.id,
        name: sites.name,
        signingSecret: sites.signingSecret,
        authSettings: sites.authSettings,
      })
      .from(sites)
      .where(eq(sites.publishableKey, key as string)),
    db
      .select({ origin: siteOrigins.origin })
      .from(siteOrigins)
      .innerJoin(sites, eq(sites.id, siteOrigins.siteId))
      .where(eq(sites.publishableKey, key as string)),
  ] as const

export const postsSelect = (db: Database, world: AccessWorld, after: unknown) =>
  db
    .select({
      post: posts,
      author: {
        id: members.id,
        displayName: members.displayName,
        username: members.username,
        avatarUrl: members.avatarUrl,
      },
    })
    .from(posts)
    .leftJoin(members, eq(members.id, posts.authorId))
    .where(
      and(
        eq(posts.siteId, world.siteId),
        eq(posts.threadId, world.threadId),
        gt(posts.number, after as number),
      ),
    )
    .orderBy(asc(posts.number))
    .limit(50)

/** The values of submission `i` and its notification job, as `submitForm` stores them. */
export function submissionValues(world: AccessWorld, i: number) {
  const now = Date.now()
  const id = `sub_bench_${process.pid}_${i}`
  return {
    submission: [
      id,
      world.siteId,
      'contact',
      'new',
      JSON.stringify({ name: 'Ada', email: 'ada@bench.example', message: `Hello ${i}` }),
      '[]',
      'ada@bench.example',
      null,
      '127.0.0.1',
      'bench',
      `hash${i}`,
      now,
      now,
      now,
    ],
    job: [
      `job_bench_${process.pid}_${i}`,
      world.siteId,
      'submission.notify',
      JSON.stringify({ submissionId: id }),
      'pending',
      0,
      8,
      now,
      now,
      now,
    ],
  }
}

export const insertSubmissionSql = `INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons,
  email, member_id, ip, user_agent, content_hash, notified_at, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
export const insertJobSql = `INSERT INTO outbox (id, site_id, kind, payload, status, attempts, max_attempts,
  run_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

export const submissionInserts = (db: Database, world: AccessWorld, i: number) => {
  const { submission: s, job: j } = submissionValues(world, i)
  return [
    db.insert(submissions).values({
      id: s[0] as string,
      siteId: world.siteId,
      formId: 'contact',
      status: 'new',
      data: JSON.parse(s[4] as string),
      spamReasons: [],
      email: 'ada@bench.example',
      memberId: null,
      ip: '127.0.0.1',
      userAgent: 'bench',
      contentHash: s[10] as string,
      notifiedAt: s[11] as number,
      createdAt: s[12] as number,
      updatedAt: s[13] as number,
    }),
    db.insert(outbox).values({
      id: j[0] as string,
      siteId: world.siteId,
      kind: 'submission.notify',
      payload: JSON.parse(j[3] as string),
      status: 'pending',
      attempts: 0,
      maxAttempts: 8,
      runAt: j[7] as number,
      createdAt: j[8] as number,
      updatedAt: j[9] as number,
    }),
  ] as const
}

/** The SQL text (and the posts page's arguments) drizzle sends for the reads, for the raw candidates. */
export function readSql(world: AccessWorld) {
  const db = createDatabase(createLocalClient({ path: ':memory:' }))
  const [site, origins] = siteSelects(db, world.publishableKey)
  const page = postsSelect(db, world, 0).toSQL()
  return {
    site: site.toSQL().sql,
    origins: origins.toSQL().sql,
    posts: page.sql,
    postsArgs: page.params,
  }
}
