import { eq, isNull } from 'drizzle-orm'
import { Hono } from 'hono'
import { stream } from 'hono/streaming'
import type { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { submissions } from '../db/schema.ts'
import { jsonBody, queryParams } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { SpamReason } from '../spam/assess.ts'
import { csvRow } from './csv.ts'
import { ContactErrors } from './errors.ts'
import type { Fields } from './fields.ts'
import { notificationsFor } from './notify.ts'
import { fieldNamesOf, formById, submissionById, submissionsPage } from './queries.ts'
import {
  csvFileAnswer,
  exportSubmissionsSchema,
  listSubmissionsSchema,
  submissionAnswer,
  submissionPageAnswer,
  updateSubmissionSchema,
} from './schemas.ts'

export type AdminSubmissionDeps = {
  db: Database
  clock: Clock
  kickOutbox: () => Promise<void>
}

type SubmissionRow = typeof submissions.$inferSelect

function toSubmission({ siteId: _, contentHash: __, ...row }: SubmissionRow) {
  // The JSON columns are typed `unknown`; the submit path writes these shapes.
  return {
    ...row,
    data: row.data as Fields,
    spamReasons: row.spamReasons as SpamReason[],
  } satisfies z.input<typeof submissionAnswer>
}

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

const tags = ['Owner: forms'] as const

/** The owner's reading, review and export of submissions, behind a secret key. */
export function adminSubmissionRoutes(deps: AdminSubmissionDeps) {
  const { db, clock } = deps
  return (
    new Hono<AppEnv>()
      .get(
        '/submissions',
        documented({
          summary: 'List submissions',
          description:
            'Newest first, `limit` at a time (default 50). When `nextCursor` is not null, pass it as `cursor` for the next page; pages stay stable while new submissions arrive. `q` searches the submitted values and the sender’s address.',
          tags,
          access: 'owner',
          responses: { 200: submissionPageAnswer },
          errors: { 400: ['INVALID_CURSOR'] },
        }),
        queryParams(listSubmissionsSchema),
        async (c) => {
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
            nextCursor:
              rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
          } satisfies z.input<typeof submissionPageAnswer>)
        },
      )
      // Before `/submissions/:id`, which would otherwise take "export.csv" for an id.
      .get(
        '/submissions/export.csv',
        documented({
          summary: 'Export submissions as CSV',
          description:
            "Every matching submission, newest first, streamed as UTF-8 CSV with a byte-order mark: `id`, `created_at`, `form`, `status`, `sender_email`, then one column per field (the form’s configured fields first). A cell that a spreadsheet would run as a formula starts with `'`.",
          tags,
          access: 'owner',
          responses: {
            200: {
              description: 'The CSV file.',
              mediaType: 'text/csv',
              schema: csvFileAnswer,
              headers: {
                'Content-Disposition': {
                  description: 'An attachment named `submissions.csv` or `submissions-<form>.csv`.',
                },
              },
            },
          },
        }),
        queryParams(exportSubmissionsSchema),
        async (c) => {
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
        },
      )
      .get(
        '/submissions/:id',
        documented({
          summary: 'Get a submission',
          tags,
          access: 'owner',
          responses: { 200: submissionAnswer },
          errors: { 404: ['SUBMISSION_NOT_FOUND'] },
        }),
        async (c) => {
          const row = await submissionById(db, siteOf(c).scope, c.req.param('id'))
          if (!row) throw ContactErrors.submissionNotFound()
          return c.json(toSubmission(row))
        },
      )
      .patch(
        '/submissions/:id',
        documented({
          summary: 'Change a submission’s status',
          description:
            'Moving spam to `new` or `read` ("not spam") sends the notification and webhook it missed, once however often it is done; `archived` sends nothing.',
          tags,
          access: 'owner',
          responses: { 200: submissionAnswer },
          errors: { 404: ['SUBMISSION_NOT_FOUND'] },
        }),
        ...jsonBody(updateSubmissionSchema),
        async (c) => {
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
          const jobs = form
            ? notificationsFor(form, site, { ...row, data: row.data as Fields })
            : []
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
          // Deleted by another request in the meantime: gone, not a `200 null`.
          if (!updated) throw ContactErrors.submissionNotFound()
          return c.json(toSubmission(updated))
        },
      )
      .delete(
        '/submissions/:id',
        documented({
          summary: 'Delete a submission',
          tags,
          access: 'owner',
          responses: { 204: null },
          errors: { 404: ['SUBMISSION_NOT_FOUND'] },
        }),
        async (c) => {
          const removed = await db
            .delete(submissions)
            .where(siteOf(c).scope.where(submissions, eq(submissions.id, c.req.param('id'))))
            .returning({ id: submissions.id })
          if (removed.length === 0) throw ContactErrors.submissionNotFound()
          return c.body(null, 204)
        },
      )
  )
}
