import { expect, it } from 'vitest'
import { budgets, measure } from '../scripts/size.ts'

// Sites pay for every byte on every page load; scripts/size.ts says what each row covers.
it.each(budgets)('$name stays within $budget bytes min+gzip', async (entry) => {
  const { gzip } = await measure(entry)
  expect(gzip).toBeLessThanOrEqual(entry.budget)
})
