import { and, eq, gt, isNull } from 'drizzle-orm'
import { newToken, splitToken, tokenSecretMatches } from '../auth/tokens.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { operatorInvites, sites } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { OwnerCaller } from './context.ts'
import type { OperatorDeps } from './deps.ts'
import { operatorInviteMail } from './emails.ts'
import { OperatorErrors } from './errors.ts'
import { normalizeOperatorEmail, operatorByEmail, siteWithRole } from './queries.ts'
import type { OperatorRole } from './roles.ts'
import { inviteLifetimeMs } from './session-lifetime.ts'

// An invite is a link to `/console/invite/<token>`, mailed through the outbox in the same batch
// as its row: `<id>.<secret>` like sessions, only a hash of the secret stored, good once for 7
// days. A new invite for the same address on the same site replaces the one before it.

const hourMs = 3_600_000
/** Per site: enough to bring a team in, too few to turn invites into a way of mailing people. */
const invitesPerSitePerHour = 20

type Deps = Pick<OperatorDeps, 'db' | 'clock' | 'limiter' | 'config'>

export async function inviteOperator(
  deps: Deps,
  site: ResolvedSite,
  caller: OwnerCaller,
  input: { email: string; role: OperatorRole },
) {
  const { db, clock } = deps
  const email = normalizeOperatorEmail(input.email)
  const existing = await operatorByEmail(db, email)
  if (existing && (await siteWithRole(db, existing.id, site.id))) {
    throw OperatorErrors.alreadyOperator()
  }
  await rateLimitOrThrow(deps.limiter, {
    siteId: site.id,
    bucket: 'operator-invites',
    limit: invitesPerSitePerHour,
    windowMs: hourMs,
  })
  const { id, token, secretHash } = newToken()
  const now = clock.now()
  const row = {
    id,
    siteId: site.id,
    secretHash,
    email,
    role: input.role,
    invitedBy: caller.type === 'operator' ? caller.id : null,
    invitedByLabel: caller.name,
    createdAt: now,
    expiresAt: now + inviteLifetimeMs,
  }
  const mail = operatorInviteMail({
    to: email,
    siteName: site.name,
    role: input.role,
    invitedBy: caller.name,
    url: `${deps.config.publicUrl}/console/invite/${token}`,
  })
  await db.batch([
    db
      .delete(operatorInvites)
      .where(
        site.scope.where(
          operatorInvites,
          eq(operatorInvites.email, email),
          isNull(operatorInvites.acceptedAt),
        ),
      ),
    db.insert(operatorInvites).values(row),
    enqueue(db, clock, site.scope, mail),
  ])
  return {
    id,
    email,
    role: input.role,
    invitedBy: caller.name,
    createdAt: now,
    expiresAt: row.expiresAt,
  }
}

/** The site's invites not yet accepted and not expired, newest first. */
export function pendingInvites(db: Database, clock: Clock, scope: SiteScope) {
  return db
    .select()
    .from(operatorInvites)
    .where(
      scope.where(
        operatorInvites,
        isNull(operatorInvites.acceptedAt),
        gt(operatorInvites.expiresAt, clock.now()),
      ),
    )
    .orderBy(operatorInvites.createdAt)
}

/** Withdraws an invite that was not accepted yet; its link stops working at once. */
export async function revokeInvite(db: Database, scope: SiteScope, inviteId: string) {
  const deleted = await db
    .delete(operatorInvites)
    .where(
      scope.where(
        operatorInvites,
        eq(operatorInvites.id, inviteId),
        isNull(operatorInvites.acceptedAt),
      ),
    )
    .returning({ id: operatorInvites.id })
  if (deleted.length === 0) throw OperatorErrors.inviteNotFound()
}

/** The invite a token stands for with its site's name, while it is unused and unexpired. */
export async function liveInvite(db: Database, clock: Clock, token: string) {
  const parts = splitToken(token)
  if (!parts) return null
  const [row] = await db
    .select({ invite: operatorInvites, siteName: sites.name })
    .from(operatorInvites)
    .innerJoin(sites, eq(sites.id, operatorInvites.siteId))
    .where(
      and(
        eq(operatorInvites.id, parts.id),
        isNull(operatorInvites.acceptedAt),
        gt(operatorInvites.expiresAt, clock.now()),
      ),
    )
  if (!row || !tokenSecretMatches(parts.secret, row.invite.secretHash)) return null
  return row
}

/** Marks the invite used; `false` when a parallel request already did or it just expired. */
export async function claimInvite(db: Database, clock: Clock, inviteId: string) {
  const now = clock.now()
  const claimed = await db
    .update(operatorInvites)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(operatorInvites.id, inviteId),
        isNull(operatorInvites.acceptedAt),
        gt(operatorInvites.expiresAt, now),
      ),
    )
    .returning({ id: operatorInvites.id })
  return claimed.length > 0
}

/** Gives an invite back when what it was claimed for failed. */
export function unclaimInvite(db: Database, inviteId: string) {
  return db
    .update(operatorInvites)
    .set({ acceptedAt: null })
    .where(eq(operatorInvites.id, inviteId))
}
