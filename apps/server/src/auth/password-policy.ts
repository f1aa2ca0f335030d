import type { BreachedPasswordChecker } from './breached-passwords.ts'
import { isCommonPassword } from './common-passwords.ts'
import { AuthErrors } from './errors.ts'
import type { AuthSettings } from './settings.ts'

// NIST SP 800-63B and OWASP ASVS 5.0 §6.2: length is what makes a password strong, so there
// are no composition rules ("one digit, one symbol" makes people write Password1!), no
// truncation, and any character may be used; what is refused is a password an attacker would
// try first: short, among the most common, about the person, or already leaked.

/** Generous (ASVS asks for at least 64), and bounded so no one makes the server hash a novel. */
export const passwordMaxLength = 256

/** Below this, a name or local part is too short to be worth forbidding inside a password. */
const minPersonalLength = 4

export type PasswordContext = {
  /** The member's email: its local part must not be (in) the password. */
  email: string
  displayName: string
}

function isPersonal(password: string, context: PasswordContext): boolean {
  const lower = password.toLowerCase()
  const localPart = context.email.toLowerCase().split('@')[0] ?? ''
  const name = context.displayName.trim().toLowerCase()
  const candidates = [localPart, name, name.replace(/\s+/g, '')].filter(Boolean)
  return candidates.some(
    (word) => lower === word || (word.length >= minPersonalLength && lower.includes(word)),
  )
}

/**
 * What is wrong with `password` under the site's rules, in words a form can show beside the
 * field, or `null` when it may be used. Length counts characters (code points), not bytes, so
 * an emoji or a CJK character counts once. The breached-password API is asked last, and only
 * when the site enabled it and every local rule passed.
 */
export async function passwordProblem(
  password: string,
  settings: Pick<AuthSettings, 'passwordMinLength' | 'breachedPasswordCheck'>,
  context: PasswordContext,
  breached: BreachedPasswordChecker,
): Promise<string | null> {
  const length = [...password].length
  if (length < settings.passwordMinLength) {
    return `Use at least ${settings.passwordMinLength} characters.`
  }
  if (length > passwordMaxLength) return `Use at most ${passwordMaxLength} characters.`
  if (await isCommonPassword(password)) {
    return 'This is one of the most common passwords; choose one that is harder to guess.'
  }
  if (isPersonal(password, context)) {
    return 'Do not use your name or email address in your password.'
  }
  if (settings.breachedPasswordCheck && (await breached.isBreached(password))) {
    return 'This password has appeared in a data breach, so attackers try it; choose another.'
  }
  return null
}

/** `passwordProblem` as a check: 422 VALIDATION_FAILED with `fields.password` saying which rule. */
export async function assertPasswordAllowed(
  ...args: Parameters<typeof passwordProblem>
): Promise<void> {
  const problem = await passwordProblem(...args)
  if (problem) throw AuthErrors.weakPassword(problem)
}
