import { eq } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { forms } from '../db/schema.ts'
import { fieldErrors } from '../http/body.ts'
import { HttpErrors } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'
import { destinationProblem } from '../webhooks/destination.ts'
import { newWebhookSecret } from '../webhooks/signature.ts'
import { ContactErrors } from './errors.ts'
import { type Form, formById } from './queries.ts'
import { type FormSettings, formSettingsSchema } from './schemas.ts'

export type FormsDeps = { db: Database; clock: Clock; allowPrivateWebhooks: boolean }

/**
 * A literal private or local host is refused when the form is saved, so the owner hears at once;
 * names are judged again by address at every delivery (webhooks/node-post.ts).
 */
function assertWebhookAllowed(settings: FormSettings, allowPrivate: boolean) {
  if (!settings.webhookUrl) return
  const problem = destinationProblem(new URL(settings.webhookUrl), allowPrivate)
  if (problem) throw HttpErrors.validation({ 'settings.webhookUrl': problem })
}

export async function createForm(
  { db, clock, allowPrivateWebhooks }: FormsDeps,
  scope: SiteScope,
  input: { id: string; name: string; enabled: boolean; settings: FormSettings },
): Promise<Form> {
  assertWebhookAllowed(input.settings, allowPrivateWebhooks)
  const now = clock.now()
  const row = { ...input, webhookSecret: newWebhookSecret(), createdAt: now, updatedAt: now }
  const inserted = await db
    .insert(forms)
    .values({ ...row, siteId: scope.siteId })
    .onConflictDoNothing()
    .returning({ id: forms.id })
  if (inserted.length === 0) throw ContactErrors.formExists()
  return row
}

/** Changes name, enabled, or top-level settings keys; keys left out keep their stored value. */
export async function updateForm(
  { db, clock, allowPrivateWebhooks }: FormsDeps,
  scope: SiteScope,
  id: string,
  patch: { name?: string; enabled?: boolean; settings?: Record<string, unknown> },
): Promise<Form> {
  const form = await formById(db, scope, id)
  if (!form) throw ContactErrors.formNotFound()
  const merged = formSettingsSchema.safeParse({ ...form.settings, ...patch.settings })
  if (!merged.success) {
    const fields = Object.fromEntries(
      Object.entries(fieldErrors(merged.error)).map(([k, v]) => [`settings.${k}`, v]),
    )
    throw HttpErrors.validation(fields)
  }
  assertWebhookAllowed(merged.data, allowPrivateWebhooks)
  const changes = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.enabled !== undefined && { enabled: patch.enabled }),
    settings: merged.data,
    updatedAt: clock.now(),
  }
  await db
    .update(forms)
    .set(changes)
    .where(scope.where(forms, eq(forms.id, id)))
  return { ...form, ...changes }
}

/** Deletes the form; its submissions stay, they are the owner's records. */
export async function deleteForm({ db }: FormsDeps, scope: SiteScope, id: string) {
  const removed = await db
    .delete(forms)
    .where(scope.where(forms, eq(forms.id, id)))
    .returning({ id: forms.id })
  if (removed.length === 0) throw ContactErrors.formNotFound()
}

export async function rotateWebhookSecret({ db, clock }: FormsDeps, scope: SiteScope, id: string) {
  const webhookSecret = newWebhookSecret()
  const updated = await db
    .update(forms)
    .set({ webhookSecret, updatedAt: clock.now() })
    .where(scope.where(forms, eq(forms.id, id)))
    .returning({ id: forms.id })
  if (updated.length === 0) throw ContactErrors.formNotFound()
  return webhookSecret
}
