import { rebuildSearchIndex } from '../forum/search.ts'
import { withDatabase } from './database.ts'
import { CliError, type CommandContext, print } from './output.ts'

/** `porchlight search rebuild`: the forum search index, rebuilt from the posts. */
export async function searchCommand(ctx: CommandContext): Promise<number> {
  if (ctx.args[0] !== 'rebuild') throw new CliError('Usage: porchlight search rebuild')
  const progress = !ctx.values.json && process.stderr.isTTY
  // In batches, with pauses: a server on the same database keeps answering meanwhile.
  const indexed = await withDatabase(ctx, (database) =>
    rebuildSearchIndex(database.sql, {
      onProgress: (n) => {
        if (progress) process.stderr.write(`\rIndexed ${n} posts…`)
      },
    }),
  )
  if (progress) process.stderr.write('\n')
  print(ctx, { indexed }, () => [`Rebuilt the search index: ${indexed} posts.`])
  return 0
}
