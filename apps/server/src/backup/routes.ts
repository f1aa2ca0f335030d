import { Hono } from 'hono'
import type { z } from 'zod'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { requireOperator } from '../operators/context.ts'
import type { BackupCatalog } from './catalog.ts'
import { backupsAnswer } from './schemas.ts'

/**
 * `GET /v1/operator/backups`: the deployment's scheduled backups, for its admins. Mounted after
 * the operator routes, whose session middleware covers `/v1/operator/*`.
 */
export function operatorBackupRoutes(deps: { backups: BackupCatalog | undefined }) {
  return new Hono<AppEnv>().get(
    '/operator/backups',
    documented({
      summary: 'Scheduled backups',
      description:
        'The backups the server has made in BACKUP_DIR (name, size, time), newest first, with the schedule; `{ enabled: false }` without one. Every site’s data is in each file, so only deployment admins see this (403 `ROLE_FORBIDDEN` for other operators).',
      tags: ['Operators'],
      access: 'operator',
      responses: { 200: backupsAnswer },
      errors: { 403: ['ROLE_FORBIDDEN', 'TOTP_SETUP_REQUIRED'] },
    }),
    async (c) => {
      const { operator } = requireOperator(c)
      if (!operator.admin)
        throw new ApiError(403, 'ROLE_FORBIDDEN', 'Backups are for deployment admins.', {
          fields: {},
        })
      const { backups } = deps
      if (!backups) return c.json({ enabled: false } satisfies z.input<typeof backupsAnswer>)
      return c.json({
        enabled: true,
        ...backups.schedule,
        items: await backups.list(),
      } satisfies z.input<typeof backupsAnswer>)
    },
  )
}
