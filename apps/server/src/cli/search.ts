import { migrate } from '../db/migrate.ts'
import { openDatabase } from '../entry/node.ts'
import { rebuildSearchIndex } from '../forum/search.ts'
import { CliError, type CommandContext, print } from './output.ts'

/** `porchlight search rebuild`: the forum search index, rebuilt from the posts. */
export async function searchCommand(ctx: CommandContext): Promise<number> {
  if (ctx.args[0] !== 'rebuild') throw new CliError('Usage: porchlight search rebuild')
  const client = await openDatabase(ctx.config.database)
  try {
    await migrate(client)
    const indexed = await rebuildSearchIndex(client)
    print(ctx, { indexed }, () => [`Rebuilt the search index: ${indexed} posts.`])
  } finally {
    client.close()
  }
  return 0
}
