import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: ['apps/*', 'packages/*', 'examples/app', 'test/packaging'],
    // Two test files at a time even on two cores, where vitest's default (cores − 1) runs them
    // one by one. Much of a file's time is spent waiting: on Chromium, on a `porchlight serve`
    // or wrangler process, on an SMTP round trip, on a page's timers. Waiting files leave a core
    // free, so a second one fills it; on more cores the default stands.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
})
