import { defineProject } from 'vitest/config'

// Packs each published package, installs the tarball into an empty temporary project, and uses
// it there as a user would. Slow by nature (builds, `npm pack`, `npm install` from the
// registry), so it is one project: `npx vitest run --project packaging`.
export default defineProject({
  test: {
    name: 'packaging',
    include: ['**/*.test.ts'],
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 60_000,
    // Installing the server's dependencies from the registry is the slow step.
    hookTimeout: 240_000,
  },
})
