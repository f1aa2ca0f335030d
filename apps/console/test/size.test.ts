// Issue 12's budget: at most 80 KB of JavaScript (min+gzip) before the first page works, with
// every later page loaded when opened. Measured on the production build, as scripts/size.ts does.
import { describe, expect, it } from 'vitest'
import { firstPageBudget, firstPageSizes } from '../scripts/size.ts'

describe("the console's first page", () => {
  it('weighs at most 80 KB of JavaScript, min+gzip, signed in or not', async () => {
    const [signIn, overview] = await firstPageSizes()
    expect(signIn?.gzip).toBeLessThanOrEqual(firstPageBudget)
    expect(overview?.gzip).toBeLessThanOrEqual(firstPageBudget)
  })

  it('leaves every other page out of the entry chunk', async () => {
    const [signIn] = await firstPageSizes()
    // Only the entry itself: the pages (inbox, members, settings…) are lazy chunks of their own.
    expect(signIn?.files).toHaveLength(1)
    expect(signIn?.files[0]).toMatch(/^assets\/index-[\w-]+\.js$/)
  })
})
