import { migrate } from '../db/migrate.ts'
import { withDatabase } from './database.ts'
import type { CommandContext } from './output.ts'

/** `porchlight migrate`: applies the pending migrations and says which. */
export async function migrateCommand(ctx: CommandContext): Promise<number> {
  // With `serve`, the one command that may create the database: it is how an operator starts one.
  const { applied } = await withDatabase(ctx, (database) => migrate(database.sql), {
    migrate: false,
    create: true,
  })
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.')
  return 0
}
