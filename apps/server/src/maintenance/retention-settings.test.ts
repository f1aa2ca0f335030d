import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.message
    throw error
  }
  throw new Error('the environment was accepted')
}

describe('retention settings', () => {
  it('default to 30 days of spam, 90 of read notifications, 14 and 60 of finished jobs', () => {
    expect(loadConfig({}).retention).toEqual({
      spamDays: 30,
      readNotificationsDays: 90,
      deliveredJobsDays: 14,
      deadJobsDays: 60,
    })
  })

  it('take whole days, or off to keep such rows for good', () => {
    const config = loadConfig({
      RETENTION_SPAM_DAYS: '7',
      RETENTION_READ_NOTIFICATIONS_DAYS: 'off',
      RETENTION_DELIVERED_JOBS_DAYS: ' 1 ',
      RETENTION_DEAD_JOBS_DAYS: '3650',
    })
    expect(config.retention).toEqual({
      spamDays: 7,
      readNotificationsDays: null,
      deliveredJobsDays: 1,
      deadJobsDays: 3650,
    })
  })

  it.each(['0', '3651', '7.5', '-1', 'never', '1e3'])('refuse %j, naming the variable', (value) => {
    expect(failure({ RETENTION_SPAM_DAYS: value })).toMatch(
      /RETENTION_SPAM_DAYS: must be a whole number of days from 1 to 3650, or off/,
    )
  })
})
