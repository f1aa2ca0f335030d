import { and, desc, eq, gt, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { containsText } from '../db/portable-sql.ts'
import { members } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { MemberDetail, MemberRole, MemberStatus, MemberSummary } from './admin-schemas.ts'
import { statusInForce } from './sessions.ts'

// The owner's view of members: list, search, and one member with their session figures.

/**
 * The latest use of any of the member's sessions (hourly precision: sessions record use at most
 * hourly), or null when they have none. Rides the `sessions_member (site_id, member_id)` index.
 * The outer columns are spelled out: drizzle leaves a one-table select's columns unqualified,
 * and inside the subquery a bare `id` would mean the session's.
 */
const lastSeenAt = sql<number | null>`(SELECT max(s.last_used_at) FROM sessions AS s
  WHERE s.site_id = members.site_id AND s.member_id = members.id)`

const summaryColumns = {
  id: members.id,
  email: members.email,
  emailVerifiedAt: members.emailVerifiedAt,
  displayName: members.displayName,
  username: members.username,
  role: members.role,
  status: members.status,
  suspendedUntil: members.suspendedUntil,
  createdAt: members.createdAt,
  lastSeenAt: lastSeenAt.mapWith(Number),
}

type SummaryRow = Pick<
  typeof members.$inferSelect,
  | 'id'
  | 'email'
  | 'emailVerifiedAt'
  | 'displayName'
  | 'username'
  | 'role'
  | 'status'
  | 'suspendedUntil'
  | 'createdAt'
> & { lastSeenAt: number | null }

/**
 * What the owner sees of a member. The status is the one in force at `now`: a suspension whose
 * time has passed reads as `active` (with `suspendedUntil` null), exactly as sign-in treats it.
 */
export function memberSummary(row: SummaryRow, now: number): MemberSummary {
  const { status, suspendedUntil } = statusInForce(row, now)
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    displayName: row.displayName,
    username: row.username,
    role: row.role,
    status,
    suspendedUntil,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt ?? null,
  }
}

export type MemberFilter = {
  q?: string | undefined
  role?: MemberRole | undefined
  status?: MemberStatus | undefined
  before?: { createdAt: number; id: string } | undefined
}

/** The stored rows whose status in force at `now` is `status` (see `memberSummary`). */
function statusCondition(status: MemberStatus, now: number): SQL | undefined {
  const suspendedNow = and(
    eq(members.status, 'suspended'),
    or(isNull(members.suspendedUntil), gt(members.suspendedUntil, now)),
  )
  if (status === 'banned') return eq(members.status, 'banned')
  if (status === 'suspended') return suspendedNow
  return or(
    eq(members.status, 'active'),
    and(eq(members.status, 'suspended'), lte(members.suspendedUntil, now)),
  )
}

function filterConditions(scope: SiteScope, filter: MemberFilter, now: number): SQL {
  const { q, before } = filter
  return scope.where(
    members,
    filter.role ? eq(members.role, filter.role) : undefined,
    filter.status ? statusCondition(filter.status, now) : undefined,
    q
      ? or(
          containsText(members.email, q),
          containsText(members.displayName, q),
          containsText(members.username, q),
        )
      : undefined,
    before
      ? or(
          lt(members.createdAt, before.createdAt),
          and(eq(members.createdAt, before.createdAt), lt(members.id, before.id)),
        )
      : undefined,
  )
}

/** Newest first, keyset-paginated on (created_at, id): stable while new members join. */
export async function membersPage(
  db: Database,
  scope: SiteScope,
  filter: MemberFilter,
  limit: number,
  now: number,
) {
  const rows = await db
    .select(summaryColumns)
    .from(members)
    .where(filterConditions(scope, filter, now))
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(limit)
  return rows.map((row) => memberSummary(row, now))
}

/**
 * One member with the number of their sessions still in force: `activeSince` is the earliest
 * last-use (inactivity timeout) and `startedSince` the earliest start (absolute lifetime) a
 * session may have and still count. Expired rows linger until next seen, so they are excluded.
 */
export async function memberDetailRow(
  db: Database,
  scope: SiteScope,
  id: string,
  now: number,
  window: { activeSince: number; startedSince: number },
): Promise<MemberDetail | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      sessionCount: sql<number>`(SELECT count(*) FROM sessions AS s
        WHERE s.site_id = members.site_id AND s.member_id = members.id
          AND s.last_used_at > ${window.activeSince} AND s.created_at > ${window.startedSince})`.mapWith(
        Number,
      ),
    })
    .from(members)
    .where(scope.where(members, eq(members.id, id)))
  return row ? { ...memberSummary(row, now), sessionCount: row.sessionCount } : null
}
