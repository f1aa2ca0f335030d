import { randomBytes } from 'node:crypto'
import { dictionary } from '@zxcvbn-ts/language-common'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { commonPasswordsFrontCoded } from './common-passwords.generated.ts'
import { commonPasswords, isCommonPassword, readCommonPasswordsFrom } from './common-passwords.ts'
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
  it('decodes to exactly the 10,000 passwords of the source list, no more and no fewer', async () => {
    expect(sourceList).toHaveLength(10_000)
    expect([...(await commonPasswords())].sort()).toEqual([...sourceList].sort())
  })

  it('refuses every password of the source list, in lower case and in capitals', async () => {
    const missed: string[] = []
    for (const p of sourceList) {
      if (!(await isCommonPassword(p)) || !(await isCommonPassword(p.toUpperCase()))) missed.push(p)
    }
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
      expect(await isCommonPassword(password)).toBe(false)
      expect(await passwordProblem(password, defaults, context, never)).toBeNull()
    }
  })

  it('refuses a string exactly when the source list holds it (any string)', async () => {
    const listed = new Set(sourceList)
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...sourceList), fc.string({ maxLength: 20 })),
        async (candidate) =>
          (await isCommonPassword(candidate)) === listed.has(candidate.toLowerCase()),
      ),
      { numRuns: 2_000 },
    )
  })
})

// The Worker reads the list from its static assets (entry/worker-common-passwords.ts).
describe('a list read from elsewhere', () => {
  afterEach(() => {
    readCommonPasswordsFrom(async () => commonPasswordsFrontCoded)
  })

  it('is the same list when the text is the build’s copy', async () => {
    readCommonPasswordsFrom(async () => commonPasswordsFrontCoded)
    expect(await isCommonPassword('Qwerty123456')).toBe(true)
    expect(await isCommonPassword('lampshade-orbit-violin-47')).toBe(false)
  })

  it('fails the check, never passes it, when the list cannot be read; and reads again next time', async () => {
    let reads = 0
    readCommonPasswordsFrom(async () => {
      reads++
      if (reads === 1) throw new Error('assets unavailable')
      return commonPasswordsFrontCoded
    })
    const never = { isBreached: async () => false }
    await expect(passwordProblem('qwerty123456', defaults, context, never)).rejects.toThrow(
      'assets unavailable',
    )
    expect(await passwordProblem('qwerty123456', defaults, context, never)).toBe(tooCommon)
    expect(reads).toBe(2)
  })
})
