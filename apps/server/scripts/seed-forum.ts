// `node apps/server/scripts/seed-forum.ts --posts 1000000 --threads 50000 --out forum.db`
//
// Builds a forum for the scale bench (or for trying the forum with realistic volume): one site
// with categories, members, threads and posts, a long thread, watches and the search index,
// all as Porchlight would have written them. Writes `<out>.json` beside it with the site's
// publishable key, the ids the bench uses and the search terms. `npm run bench` runs the same
// code and caches the result (see docs/performance.md); this runs it alone.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { seedForum, seedOptions } from '../bench/forum-seed.ts'

const usage = `Usage: node apps/server/scripts/seed-forum.ts --out <file.db> [options]
  --posts <n>         posts in all (default 1000000)
  --threads <n>       threads (default posts / 20)
  --long-thread <n>   posts in the one long thread (default 10000, at most posts / 2)
  --categories <n>    categories, 1 to 10 (default 8; fewer below 16,000 posts)
  --members <n>       members who post (default posts / 500)
  --seed <n>          the same seed builds the same content (default 1)`

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    posts: { type: 'string', default: '1000000' },
    threads: { type: 'string' },
    'long-thread': { type: 'string' },
    categories: { type: 'string' },
    members: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (values.help || !values.out) {
  console.log(usage)
  process.exit(values.help ? 0 : 1)
}

const count = (name: string, value: string | undefined) => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (Number.isSafeInteger(n) && n > 0) return n
  console.error(`seed-forum: --${name} must be a positive whole number\n\n${usage}`)
  process.exit(1)
}
const posts = count('posts', values.posts) ?? 1_000_000
const given = {
  threads: count('threads', values.threads),
  longThread: count('long-thread', values['long-thread']),
  categories: count('categories', values.categories),
  members: count('members', values.members),
  seed: count('seed', values.seed),
}
const options = seedOptions(
  posts,
  Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
)

const out = resolve(values.out)
try {
  const manifest = await seedForum(out, options, (line) => console.error(`seed-forum: ${line}`))
  writeFileSync(`${out}.json`, `${JSON.stringify(manifest, null, 2)}\n`)
  console.error(
    `seed-forum: ${manifest.counts.posts} posts in ${manifest.counts.threads} threads, ` +
      `${manifest.counts.members} members, in ${manifest.seconds} s → ${out} (+ .json)`,
  )
} catch (error) {
  console.error(`seed-forum: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
