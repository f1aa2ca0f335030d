// The data database-access.ts queries: one site with its origins, members, and a thread of 60
// posts whose bodies are the size of a paragraph or two, as a forum's would be.
import { createDatabase, type SqlClient } from '../src/db/client.ts'
import type { LocalClient } from '../src/db/local-client.ts'
import { categories, members, posts, siteOrigins, sites, threads } from '../src/db/schema.ts'

export type AccessWorld = {
  siteId: string
  publishableKey: string
  threadId: string
  /** How many origins the site has: what a correct site lookup returns. */
  origins: number
}

const paragraph =
  'Proofing overnight in the fridge gives the loaf a deeper flavour and an easier shape; ' +
  'the dough should feel airy and a little wobbly when it is ready. '

export async function seedDatabaseAccess(client: LocalClient & SqlClient): Promise<AccessWorld> {
  const db = createDatabase(client)
  const world: AccessWorld = {
    siteId: 'site_bench_access',
    publishableKey: 'pk_bench_access',
    threadId: 'thr_bench_access',
    origins: 3,
  }
  const now = Date.now()
  await db.insert(sites).values({
    id: world.siteId,
    name: 'Bench bakery',
    publishableKey: world.publishableKey,
    signingSecret: 'bench',
    createdAt: now,
  })
  await db.insert(siteOrigins).values(
    Array.from({ length: world.origins }, (_, i) => ({
      siteId: world.siteId,
      origin: `https://bakery${i}.example`,
      createdAt: now,
    })),
  )
  await db.insert(members).values(
    Array.from({ length: 10 }, (_, i) => ({
      id: `mem_bench_${i}`,
      siteId: world.siteId,
      email: `baker${i}@bench.example`,
      passwordHash: 'unused',
      displayName: `Baker ${i}`,
      username: `baker${i}`,
      usernameKey: `baker${i}`,
      createdAt: now,
      updatedAt: now,
    })),
  )
  await db.insert(categories).values({
    id: 'cat_bench_access',
    siteId: world.siteId,
    slug: 'bread',
    name: 'Bread',
    createdAt: now,
    updatedAt: now,
  })
  await db.insert(threads).values({
    id: world.threadId,
    siteId: world.siteId,
    categoryId: 'cat_bench_access',
    authorId: 'mem_bench_0',
    title: 'Overnight proofing',
    postCount: 60,
    lastActivityAt: now,
    createdAt: now,
  })
  await db.insert(posts).values(
    Array.from({ length: 60 }, (_, i) => ({
      id: `post_bench_${i}`,
      siteId: world.siteId,
      threadId: world.threadId,
      number: i + 1,
      authorId: `mem_bench_${i % 10}`,
      bodySource: paragraph.repeat(3),
      bodyHtml: `<p>${paragraph.repeat(3)}</p>`,
      createdAt: now + i,
    })),
  )
  return world
}
