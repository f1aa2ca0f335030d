import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { auditLog } from '../db/schema.ts'
import { newId } from '../ids.ts'

// The audit log: who changed what, on which site, when, from where. One row per change, written
// in the request that made it. What goes in `details` is chosen by name, never copied wholesale
// from a request or an answer, so no password, token, secret or key can slip in.

export type AuditActor = {
  type: 'operator' | 'key' | 'cli'
  /** The operator's or the key's id; null for the CLI and for sign-ins of unknown emails. */
  id: string | null
  /** The operator's email or the key's hint; for the CLI, the machine's user if known. */
  label: string
}

export type AuditEvent = {
  /** Null for the deployment's own events (sign-ins, the CLI's operator commands). */
  siteId: string | null
  actor: AuditActor
  /** `METHOD /template` of the route (`PATCH /v1/admin/forms/{formId}`), or the CLI command. */
  action: string
  /** In words: the route's summary. */
  summary: string
  target?: Record<string, string> | null
  details?: Record<string, unknown> | null
  ip?: string | null
}

/** The insert for one entry, not yet run: for `db.batch` beside the change it records. */
export function auditInsert(db: Database, clock: Clock, event: AuditEvent) {
  return db.insert(auditLog).values({
    id: newId('aud'),
    siteId: event.siteId,
    actorType: event.actor.type,
    actorId: event.actor.id,
    actorLabel: event.actor.label.slice(0, 320),
    action: event.action,
    target: event.target && Object.keys(event.target).length > 0 ? event.target : null,
    summary: event.summary,
    details: event.details && Object.keys(event.details).length > 0 ? event.details : null,
    ip: event.ip ?? null,
    createdAt: clock.now(),
  })
}

export async function recordAudit(db: Database, clock: Clock, event: AuditEvent): Promise<void> {
  await auditInsert(db, clock, event)
}
