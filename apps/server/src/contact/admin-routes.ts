import { eq, isNull } from 'drizzle-orm'
import { Hono } from 'hono'
import { stream } from 'hono/streaming'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { submissions } from '../db/schema.ts'
import { jsonBody, queryParams } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { siteOf } from '../http/site.ts'
import { enqueue } from '../outbox/jobs.ts'
import { csvRow } from './csv.ts'
import { ContactErrors } from './errors.ts'
import type { Fields } from './fields.ts'
import { createForm, deleteForm, rotateWebhookSecret, updateForm } from './forms.ts'
import { notificationsFor } from './notify.ts'
import { fieldNamesOf, formById, formsOfSite, submissionById, submissionsPage } from './queries.ts'
import {
  createFormSchema,
  exportSubmissionsSchema,
  listSubmissionsSchema,
  updateFormSchema,
  updateSubmissionSchema,
} from './schemas.ts'

type Deps = {
  db: Database
  clock: Clock
  config: { allowPrivateWebhooks: boolean }
  kickOutbox: () => Promise<void>
}

type SubmissionRow = typeof submissions.$inferSelect

function toSubmission({ siteId: _, contentHash: __, ...row }: SubmissionRow) {
  return row
}

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

/** The owner's management of forms and their submissions, behind a secret key. */
export function adminContactRoutes(deps: Deps) {
  const { db, clock } = deps
  const formsDeps = { db, clock, allowPrivateWebhooks: deps.config.allowPrivateWebhooks }
  return (
    new Hono<AppEnv>()
      .get('/forms', async (c) => c.json({ items: await formsOfSite(db, siteOf(c).scope) }))
      .post('/forms', ...jsonBody(createFormSchema), async (c) => {
        return c.json(await createForm(formsDeps, siteOf(c).scope, c.req.valid('json')), 201)
      })
      .get('/forms/:formId', async (c) => {
        const form = await formById(db, siteOf(c).scope, c.req.param('formId'))
        if (!form) throw ContactErrors.formNotFound()
        return c.json(form)
      })
      .patch('/forms/:formId', ...jsonBody(updateFormSchema), async (c) => {
        return c.json(
          await updateForm(formsDeps, siteOf(c).scope, c.req.param('formId'), c.req.valid('json')),
        )
      })
      .delete('/forms/:formId', async (c) => {
        await deleteForm(formsDeps, siteOf(c).scope, c.req.param('formId'))
        return c.body(null, 204)
      })
      .post('/forms/:formId/webhook-secret/rotate', async (c) => {
        const webhookSecret = await rotateWebhookSecret(
          formsDeps,
          siteOf(c).scope,
          c.req.param('formId'),
        )
        return c.json({ webhookSecret })
      })
      .get('/submissions', queryParams(listSubmissionsSchema), async (c) => {
        const { cursor, limit, ...filter } = c.req.valid('query')
        const [createdAt, id] = cursor ? decodeCursor(cursor) : []
        if (cursor && (typeof createdAt !== 'number' || typeof id !== 'string'))
          throw invalidCursor()
        const before = cursor ? { createdAt: createdAt as number, id: id as string } : undefined
        const rows = await submissionsPage(db, siteOf(c).scope, { ...filter, before }, limit + 1)
        const page = rows.slice(0, limit)
        const last = page.at(-1)
        return c.json({
          items: page.map(toSubmission),
          nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
        })
      })
      // Before `/submissions/:id`, which would otherwise take "export.csv" for an id.
      .get('/submissions/export.csv', queryParams(exportSubmissionsSchema), async (c) => {
        const scope = siteOf(c).scope
        const filter = c.req.valid('query')
        const form = filter.form ? await formById(db, scope, filter.form) : null
        const found = await fieldNamesOf(db, scope, filter)
        const configured = Object.keys(form?.settings.fields ?? {})
        const names = [...configured, ...found.filter((n) => !configured.includes(n))]
        c.header('Content-Type', 'text/csv; charset=utf-8')
        c.header(
          'Content-Disposition',
          `attachment; filename="submissions${filter.form ? `-${filter.form}` : ''}.csv"`,
        )
        c.header('Cache-Control', 'no-store')
        // Streamed page by page, so a large export never sits in memory whole.
        return stream(c, async (out) => {
          await out.write(
            `\uFEFF${csvRow(['id', 'created_at', 'form', 'status', 'sender_email', ...names])}`,
          )
          let before: { createdAt: number; id: string } | undefined
          for (;;) {
            const rows = await submissionsPage(db, scope, { ...filter, before }, 500)
            for (const row of rows) {
              const data = row.data as Fields
              const cells = names.map((n) => {
                const v = data[n]
                return Array.isArray(v) ? v.join('; ') : (v ?? '')
              })
              await out.write(
                csvRow([
                  row.id,
                  new Date(row.createdAt).toISOString(),
                  row.formId,
                  row.status,
                  row.email ?? '',
                  ...cells,
                ]),
              )
            }
            const last = rows.at(-1)
            if (rows.length < 500 || !last) break
            before = { createdAt: last.createdAt, id: last.id }
          }
        })
      })
      .get('/submissions/:id', async (c) => {
        const row = await submissionById(db, siteOf(c).scope, c.req.param('id'))
        if (!row) throw ContactErrors.submissionNotFound()
        return c.json(toSubmission(row))
      })
      .patch('/submissions/:id', ...jsonBody(updateSubmissionSchema), async (c) => {
        const site = siteOf(c)
        const { status } = c.req.valid('json')
        const row = await submissionById(db, site.scope, c.req.param('id'))
        if (!row) throw ContactErrors.submissionNotFound()
        const now = clock.now()
        // Rescued from spam: send the notification and webhook it missed. Job keys make this
        // at-most-once even if two owners click at the same moment.
        const form =
          (status === 'new' || status === 'read') && row.notifiedAt === null
            ? await formById(db, site.scope, row.formId)
            : null
        const jobs = form ? notificationsFor(form, site, { ...row, data: row.data as Fields }) : []
        await db.batch([
          db
            .update(submissions)
            .set({ status, updatedAt: now })
            .where(site.scope.where(submissions, eq(submissions.id, row.id))),
          ...(form
            ? [
                db
                  .update(submissions)
                  .set({ notifiedAt: now })
                  .where(
                    site.scope.where(
                      submissions,
                      eq(submissions.id, row.id),
                      isNull(submissions.notifiedAt),
                    ),
                  ),
              ]
            : []),
          ...jobs.map((job) => enqueue(db, clock, site.scope, job)),
        ])
        if (jobs.length > 0) afterResponse(c, deps.kickOutbox())
        const updated = await submissionById(db, site.scope, row.id)
        return c.json(updated ? toSubmission(updated) : null)
      })
      .delete('/submissions/:id', async (c) => {
        const removed = await db
          .delete(submissions)
          .where(siteOf(c).scope.where(submissions, eq(submissions.id, c.req.param('id'))))
          .returning({ id: submissions.id })
        if (removed.length === 0) throw ContactErrors.submissionNotFound()
        return c.body(null, 204)
      })
  )
}
