import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'embed',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser tests launch Chromium: generous on a busy 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
