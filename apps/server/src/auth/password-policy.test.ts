import { describe, expect, it } from 'vitest'
import type { BreachedPasswordChecker } from './breached-passwords.ts'
import { passwordProblem } from './password-policy.ts'
import { authSettingsSchema } from './settings.ts'

// The password rules, one row each. A stand-in breach list replaces the internet service; the
// real client is tested against a local HTTP stand-in in breached-passwords.test.ts.

const breachList: BreachedPasswordChecker & { asked: string[] } = {
  asked: [],
  async isBreached(password) {
    this.asked.push(password)
    return password === 'leaked but long enough'
  },
}

const defaults = authSettingsSchema.parse({})
const context = { email: 'annabelle.smith@example.com', displayName: 'Annabelle Smith' }
const check = (password: string, settings: Partial<typeof defaults> = {}) =>
  passwordProblem(password, { ...defaults, ...settings }, context, breachList)

const tooCommon = 'This is one of the most common passwords; choose one that is harder to guess.'
const personal = 'Do not use your name or email address in your password.'

describe('passwordProblem', () => {
  it.each([
    ['11 characters', 'abcdefghijk', 'Use at least 12 characters.'],
    ['12 characters', 'abcdefghijkl', null],
    ['256 characters', `${'a'.repeat(255)}b`, null],
    ['257 characters', 'a'.repeat(257), 'Use at most 256 characters.'],
    ['spaces and symbols, nothing required', 'tr0ub4dor & 3 horses', null],
    ['a common password', 'qwerty123456', tooCommon],
    ['a common password in capitals', 'QWERTY123456', tooCommon],
    ['the email’s local part', 'annabelle.smith', personal],
    ['the local part inside', 'i am annabelle.smith!', personal],
    ['the display name', 'annabelle smith', personal],
    ['the display name without spaces', 'AnnabelleSmith2026', personal],
  ])('%s → %s', async (_, password, problem) => {
    expect(await check(password)).toBe(problem)
  })

  it('counts characters, not UTF-16 units or bytes', async () => {
    // 12 emoji: 24 UTF-16 units, 48 bytes, 12 characters.
    expect(await check('🔥🌲🦊🍞🚲🎻🧀🌙🐝🍄🪁🧭')).toBeNull()
    expect(await check('🔥🌲🦊🍞🚲🎻🧀🌙🐝🍄🪁')).toBe('Use at least 12 characters.')
  })

  it('follows the site’s minimum', async () => {
    expect(await check('abcdefghijkl', { passwordMinLength: 16 })).toBe(
      'Use at least 16 characters.',
    )
    expect(await check('abcdefgh', { passwordMinLength: 8 })).toBeNull()
  })

  it('does not forbid a name of under 4 letters inside a password', async () => {
    const bob = { email: 'bob@example.com', displayName: 'Bob' }
    expect(await passwordProblem('bobsleigh season', defaults, bob, breachList)).toBeNull()
  })

  it('asks the breach list only when the site enabled it, and only after the local rules', async () => {
    breachList.asked.length = 0
    expect(await check('leaked but long enough')).toBeNull()
    expect(breachList.asked).toEqual([])
    expect(await check('leaked but long enough', { breachedPasswordCheck: true })).toBe(
      'This password has appeared in a data breach, so attackers try it; choose another.',
    )
    expect(await check('qwerty123456', { breachedPasswordCheck: true })).toBe(tooCommon)
    expect(breachList.asked).toEqual(['leaked but long enough'])
  })
})
