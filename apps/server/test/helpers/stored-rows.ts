// Rows as the app stores them, written straight to the database: for tests of what housekeeping
// removes, which need rows of a given age in numbers no request path makes quickly. Every column
// the app would set is set, so the rows read back through the app as its own.
import type { Database, SqlClient } from '../../src/db/client.ts'
import {
  members,
  memberTokens,
  notifications,
  outbox,
  sessions,
  submissions,
} from '../../src/db/schema.ts'

type Submission = typeof submissions.$inferInsert
type OutboxJob = typeof outbox.$inferInsert

let serial = 0
const nextId = (prefix: string) => `${prefix}_${(++serial).toString(36).padStart(6, '0')}`

export const dayMs = 86_400_000

export function storedRows(db: Database) {
  return {
    async member(siteId: string) {
      const id = nextId('mem')
      await db.insert(members).values({
        id,
        siteId,
        email: `${id}@example.com`,
        passwordHash: '$scrypt$ln=14,r=8,p=5$c2FsdA$aGFzaA',
        displayName: id,
        createdAt: 0,
        updatedAt: 0,
      })
      return id
    },

    async submission(
      row: Pick<Submission, 'siteId' | 'formId' | 'status' | 'createdAt'> & {
        updatedAt?: number
      },
    ) {
      const id = nextId('sub')
      await db.insert(submissions).values({
        id,
        data: { message: 'Hello' },
        spamReasons: row.status === 'spam' ? ['honeypot'] : [],
        contentHash: id,
        updatedAt: row.createdAt,
        ...row,
      })
      return id
    },

    async session(row: {
      siteId: string
      memberId: string
      createdAt: number
      lastUsedAt: number
    }) {
      const id = nextId('ses')
      await db.insert(sessions).values({ id, secretHash: 'x', transport: 'bearer', ...row })
      return id
    },

    async link(row: {
      siteId: string
      memberId: string
      createdAt: number
      expiresAt: number
      usedAt?: number
    }) {
      const id = nextId('tok')
      await db
        .insert(memberTokens)
        .values({ id, purpose: 'reset_password', secretHash: 'x', usedAt: null, ...row })
      return id
    },

    async notification(row: {
      siteId: string
      memberId: string
      createdAt: number
      readAt: number | null
    }) {
      const id = nextId('ntf')
      await db.insert(notifications).values({ id, kind: 'reply', ...row })
      return id
    },

    /** A job as the outbox leaves it: delivered, dead, or still pending. */
    async job(row: { siteId: string; status: OutboxJob['status']; finishedAt: number }) {
      const id = nextId('job')
      await db.insert(outbox).values({
        id,
        siteId: row.siteId,
        kind: 'email',
        payload: { to: 'owner@example.com' },
        status: row.status,
        attempts: 1,
        maxAttempts: 10,
        runAt: row.finishedAt - 1000,
        createdAt: row.finishedAt - 1000,
        updatedAt: row.finishedAt,
        deliveredAt: row.status === 'delivered' ? row.finishedAt : null,
      })
      return id
    },
  }
}

/**
 * `count` submissions in one statement (a few thousand take milliseconds this way).
 *
 * @example await manySubmissions(client, { siteId, formId: 'contact', status: 'spam', count: 12_000, at })
 */
export async function manySubmissions(
  client: SqlClient,
  row: { siteId: string; formId: string; status: Submission['status']; count: number; at: number },
) {
  await client.execute({
    sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons, content_hash, created_at, updated_at)
      SELECT 'bulk_' || ? || '_' || i, ?, ?, ?, '{}', '[]', 'h' || i, ?, ? FROM n`,
    args: [row.count, nextId('b'), row.siteId, row.formId, row.status, row.at, row.at],
  })
}

/** Ids still stored in `table`, sorted. */
export async function storedIds(client: SqlClient, table: string): Promise<string[]> {
  const result = await client.execute(`SELECT id FROM ${table} ORDER BY id`)
  return result.rows.map((r) => String(r.id))
}
