import { randomBytes } from 'node:crypto'
import { dictionary } from '@zxcvbn-ts/language-common'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commonPasswords, isCommonPassword } from './common-passwords.ts'
import { passwordProblem } from './password-policy.ts'
import { authSettingsSchema } from './settings.ts'

// The list is stored front-coded to keep the Worker bundle small (issue 13). Refusing common
// passwords is a security setting, so these tests hold the compact form to the list it came
// from: the 10,000 most common passwords of @zxcvbn-ts/language-common, lower-cased, exactly
// as the plain list that shipped before it was built.
const ranked = (dictionary as Record<string, string[]>)['passwords-common'] ?? []
const sourceList = [...new Set(ranked.map((p) => p.toLowerCase()))].slice(0, 10_000)

const defaults = authSettingsSchema.parse({})
const context = { email: 'reader@example.com', displayName: 'Reader' }
const tooCommon = 'This is one of the most common passwords; choose one that is harder to guess.'

describe('the common-password list', () => {
  it('decodes to exactly the 10,000 passwords of the source list, no more and no fewer', () => {
    expect(sourceList).toHaveLength(10_000)
    expect([...commonPasswords()].sort()).toEqual([...sourceList].sort())
  })

  it('refuses every password of the source list, in lower case and in capitals', () => {
    const missed = sourceList.filter(
      (p) => !isCommonPassword(p) || !isCommonPassword(p.toUpperCase()),
    )
    expect(missed).toEqual([])
  })

  it('refuses them through the password rules, with the message a form shows', async () => {
    // The lowest minimum length a site may set (8): the 3,534 listed passwords that long reach this rule.
    const lowest = authSettingsSchema.parse({ passwordMinLength: 8 })
    const reachable = sourceList.filter((p) => p.length >= lowest.passwordMinLength)
    expect(reachable.length).toBeGreaterThan(3_000)
    const never = { isBreached: async () => false }
    const answers = await Promise.all(
      reachable.map((p) => passwordProblem(p, lowest, context, never)),
    )
    expect(answers.filter((a) => a !== tooCommon)).toEqual([])
  })

  it('accepts strong passwords and near misses of listed ones', async () => {
    const strong = [
      'correct horse battery staple',
      'Tr0ub4dor & three horses',
      'qwerty123456 but longer',
      'password1234!x',
      'lampshade-orbit-violin-47',
      randomBytes(18).toString('base64url'),
    ]
    const never = { isBreached: async () => false }
    for (const password of strong) {
      expect(isCommonPassword(password)).toBe(false)
      expect(await passwordProblem(password, defaults, context, never)).toBeNull()
    }
  })

  it('refuses a string exactly when the source list holds it (any string)', () => {
    const listed = new Set(sourceList)
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...sourceList), fc.string({ maxLength: 20 })),
        (candidate) => isCommonPassword(candidate) === listed.has(candidate.toLowerCase()),
      ),
      { numRuns: 2_000 },
    )
  })
})
