import { z } from 'zod'

// Request shapes of `/v1/auth/*`. Password rules beyond "a string" live in password-policy.ts,
// which needs the site's settings and the other fields; sign-in checks none of them, so a
// password set under older rules still works.

/** What the mail layer accepts (`z.email()`), so every registered address can be mailed. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'At most 254 characters.')
  .pipe(z.email('Not a valid email address.'))

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Required.')
  .max(80, 'At most 80 characters.')

/**
 * For mentions: 3–30 ASCII letters, digits, `_` or `-`. ASCII so no two names can look alike
 * (Cyrillic "а" for Latin "a") and `@name` ends unambiguously; not all digits, so a name cannot
 * pass for a number or an id.
 */
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,30}$/, 'Use 3 to 30 letters, digits, "_" or "-".')
  .refine((name) => !/^[0-9]+$/.test(name), 'Must not be only digits.')

/** Bounded so a megabyte "password" cannot make scrypt hash a megabyte; the policy says ≤ 256. */
const passwordInput = z.string().min(1, 'Required.').max(1024, 'At most 256 characters.')

export const registerSchema = z.strictObject({
  email: emailSchema,
  password: passwordInput,
  displayName: displayNameSchema,
  username: usernameSchema.optional(),
})

export const verifyEmailSchema = z.strictObject({ token: z.string().min(1).max(200) })

export const loginSchema = z.strictObject({
  // Any string: a malformed address is just an unknown one, and answers like one.
  email: z.string().min(1, 'Required.').max(320),
  password: passwordInput,
  /**
   * `bearer` (default): the token is in the body, for the SDK on another origin. `cookie`: an
   * HttpOnly cookie that page scripts cannot read, for sites serving the API from their domain.
   */
  transport: z.enum(['bearer', 'cookie']).default('bearer'),
})

export const sessionIdSchema = z.string().regex(/^[a-z2-7]{32}$/)
