import { migrate } from '../db/migrate.ts'
import { withDatabase } from './database.ts'
import type { CommandContext } from './output.ts'

/** `porchlight migrate`: applies the pending migrations and says which. */
export async function migrateCommand(ctx: CommandContext): Promise<number> {
  const { applied } = await withDatabase(ctx, (database) => migrate(database.sql), {
    migrate: false,
  })
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.')
  return 0
}
