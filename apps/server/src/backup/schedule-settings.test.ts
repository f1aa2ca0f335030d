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

describe('scheduled backup settings', () => {
  it('are off without BACKUP_DIR', () => {
    expect(loadConfig({}).backup).toBeUndefined()
  })

  it('default to one backup a day, the newest 7 kept', () => {
    expect(loadConfig({ BACKUP_DIR: '/srv/backups' }).backup).toEqual({
      dir: '/srv/backups',
      intervalMs: 86_400_000,
      keep: 7,
    })
  })

  it.each([
    ['6h', 6 * 3_600_000],
    ['30m', 30 * 60_000],
    ['90', 90 * 60_000],
    ['1d', 86_400_000],
    ['15s', 15_000],
  ])('read BACKUP_INTERVAL=%s as %i ms', (value, ms) => {
    expect(loadConfig({ BACKUP_DIR: 'b', BACKUP_INTERVAL: value }).backup?.intervalMs).toBe(ms)
  })

  it.each(['0', '31d', '6 hours', 'h', '-5m'])('refuse BACKUP_INTERVAL=%j', (value) => {
    expect(failure({ BACKUP_DIR: 'b', BACKUP_INTERVAL: value })).toMatch(
      /BACKUP_INTERVAL: must be a duration such as 6h/,
    )
  })

  it('refuse a BACKUP_KEEP that is not a count from 1 to 1000', () => {
    expect(failure({ BACKUP_DIR: 'b', BACKUP_KEEP: '0' })).toMatch(/BACKUP_KEEP:/)
    expect(failure({ BACKUP_DIR: 'b', BACKUP_KEEP: 'all' })).toMatch(/BACKUP_KEEP:/)
  })

  it('refuse an interval or count without a folder to put backups in', () => {
    expect(failure({ BACKUP_INTERVAL: '6h', BACKUP_KEEP: '3' })).toMatch(
      /BACKUP_INTERVAL: needs BACKUP_DIR[\s\S]*BACKUP_KEEP: needs BACKUP_DIR/,
    )
  })
})
