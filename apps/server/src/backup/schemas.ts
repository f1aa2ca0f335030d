import { z } from 'zod'

export const backupsAnswer = z.discriminatedUnion('enabled', [
  z.strictObject({
    enabled: z.literal(true),
    intervalMs: z.number().int().describe('How often a backup is made (BACKUP_INTERVAL).'),
    keep: z.number().int().describe('How many of the newest are kept (BACKUP_KEEP).'),
    items: z
      .array(
        z.strictObject({
          name: z.string().describe('The file’s name in BACKUP_DIR.'),
          bytes: z.number().int().min(0),
          createdAt: z.number().int().describe('When it was made, ms since the epoch.'),
        }),
      )
      .describe('Newest first.'),
  }),
  z
    .strictObject({ enabled: z.literal(false) })
    .describe(
      'No scheduled backups: BACKUP_DIR is unset, or this runs on Workers, where D1 and Turso keep backups themselves.',
    ),
])
