import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'sdk',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Most files start the real server in process, importing all of apps/server: without a fresh
    // module graph per file, a worker imports it once instead of once per file, which halves the
    // time of the SDK's suite. Every test puts back the globals it changes.
    isolate: false,
  },
})
