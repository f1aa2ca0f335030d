// The SQL of the two forum pages every reader loads, taken from Porchlight itself: the bench runs
// the page queries the routes call (`categoryThreadsPage`, `threadPostsPage`) against a
// recording client and hands the bare forum baseline (forum-baseline.ts) the exact statements.
// Each argument is recorded as the request input it came from (the site, the slug, the thread,
// the position, the page size) or as a constant, so the baseline binds the same values for
// each request. A change of shape (another statement, an input that no longer reaches the SQL)
// stops the bench until forum-baseline.ts follows.
import type { Client } from '@libsql/client'
import { createDatabase } from '../src/db/client.ts'
import { categoryThreadsPage, threadPostsPage } from '../src/forum/page-queries.ts'
import { siteScope } from '../src/sites/scope.ts'
import { type DatabaseCall, recording } from './database-work.ts'
import type { ForumManifest } from './forum-seed.ts'

/** Where one bound value comes from: a named request input, or a constant. */
export type ForumArgument = { input: string } | { value: unknown }

/** One statement, with where each of its arguments comes from. */
export type ForumStatement = { sql: string; args: ForumArgument[] }

export type ForumWork = {
  site: { id: string; publishableKey: string; origins: string[] }
  /** `GET /v1/forum/categories/:slug/threads` for a guest: inputs siteId, slug, limit. */
  threadList: ForumStatement
  /** `GET /v1/forum/threads/:id/posts` for a guest: inputs siteId, threadId, afterNumber, limit. */
  postsPage: ForumStatement
}

/**
 * Records both pages for a guest, as the routes ask for them (the listing reads one row more than
 * its page to know whether another follows), with distinctive inputs so each bound value can be
 * traced to the input it came from.
 */
export async function recordForumWork(
  client: Client,
  manifest: ForumManifest,
  page: { threads: number; posts: number; afterNumber: number },
): Promise<ForumWork> {
  const scope = siteScope(manifest.site.id)
  const listInputs = {
    siteId: manifest.site.id,
    slug: manifest.category.slug,
    limit: page.threads + 1,
  }
  const postsInputs = {
    siteId: manifest.site.id,
    threadId: manifest.longThread.id,
    afterNumber: page.afterNumber,
    limit: page.posts,
  }
  const listCalls: DatabaseCall[] = []
  await categoryThreadsPage(createDatabase(recording(client, listCalls)), scope, {
    slug: listInputs.slug,
    includeHidden: false,
    limit: listInputs.limit,
  })
  const postsCalls: DatabaseCall[] = []
  await threadPostsPage(
    createDatabase(recording(client, postsCalls)),
    scope,
    { memberId: null, moderator: false },
    { threadId: postsInputs.threadId, afterNumber: postsInputs.afterNumber, limit: page.posts },
  )
  return {
    site: {
      id: manifest.site.id,
      publishableKey: manifest.site.publishableKey,
      origins: [manifest.site.origin],
    },
    threadList: oneStatement('thread list', listCalls, listInputs),
    postsPage: oneStatement('posts page', postsCalls, postsInputs),
  }
}

function oneStatement(
  name: string,
  calls: DatabaseCall[],
  inputs: Record<string, unknown>,
): ForumStatement {
  const [call] = calls
  const statement = call?.statements[0]
  if (calls.length !== 1 || call?.batch || !statement) {
    throw new Error(
      `the shape of Porchlight's ${name} changed (${calls.length} calls, not one statement); ` +
        `update forum-work.ts and forum-baseline.ts:\n${JSON.stringify(calls)}`,
    )
  }
  const args = statement.args.map((arg): ForumArgument => {
    const input = Object.keys(inputs).find((key) => inputs[key] === arg)
    return input ? { input } : { value: arg }
  })
  const unused = Object.keys(inputs).filter(
    (key) => !args.some((a) => 'input' in a && a.input === key),
  )
  if (unused.length > 0) {
    throw new Error(
      `Porchlight's ${name} no longer binds ${unused.join(', ')}; update forum-baseline.ts`,
    )
  }
  return { sql: statement.sql, args }
}

/** The statement's arguments for one request. */
export function bind(statement: ForumStatement, inputs: Record<string, unknown>) {
  return statement.args.map((a) => ('input' in a ? inputs[a.input] : a.value)) as (
    | string
    | number
    | null
  )[]
}
