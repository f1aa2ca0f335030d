import { eq } from 'drizzle-orm'
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
import type { SpamReason } from '../spam/assess.ts'
import { csvRow } from './csv.ts'
import { ContactErrors } from './errors.ts'
import type { Fields } from './fields.ts'
import { applyInboxAction } from './inbox-actions.ts'
import {
  bulkSubmissionsAnswer,
  bulkSubmissionsSchema,
  exportSubmissionsSchema,
  listSubmissionsSchema,
} from './inbox-schemas.ts'
import { fieldNamesOf, formById, submissionById, submissionsPage } from './queries.ts'
import {
  csvFileAnswer,
  submissionAnswer,
  submissionPageAnswer,
  updateSubmissionSchema,
} from './schemas.ts'
import { statusChangeStatements } from './submission-status.ts'

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
  const { db } = deps
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
      // Beside `/submissions`, not under it: Hono's RegExpRouter cannot hold `/submissions/:id`
      // and a literal `/submissions/export.csv` (http/app-router.ts).
      .get(
        '/submissions.csv',
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
      .post(
        '/submissions/bulk',
        documented({
          summary: 'Act on many submissions',
          description:
            'One action on up to 100 submissions: `read` marks new ones read, `archive` and `spam` move any there, `not_spam` moves spam back to the inbox as new and sends the notification and webhook each missed (once), `delete` deletes. Answers a result for each id; ids of other sites are `not_found`.',
          tags,
          access: 'owner',
          responses: { 200: bulkSubmissionsAnswer },
        }),
        ...jsonBody(bulkSubmissionsSchema),
        async (c) => {
          const { ids, action } = c.req.valid('json')
          const outcome = await applyInboxAction(deps, siteOf(c), ids, action)
          if (outcome.jobs > 0) afterResponse(c, deps.kickOutbox())
          return c.json({ results: outcome.results } satisfies z.input<
            typeof bulkSubmissionsAnswer
          >)
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
          const change = await statusChangeStatements(deps, site, [row], status)
          const [first, ...rest] = change.statements
          if (first) await db.batch([first, ...rest])
          if (change.jobs > 0) afterResponse(c, deps.kickOutbox())
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
