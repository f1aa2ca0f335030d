const minuteMs = 60_000
const hourMs = 60 * minuteMs

/**
 * How long an operator's console session lasts. Shorter than a member's (a console session can
 * change keys, operators and every member's data): it ends after 12 hours unused (a working day
 * with a long lunch) or 7 days after sign-in, whichever comes first. Its last use is written at
 * most every 5 minutes, so reading a session is rarely a write.
 */
export const operatorSessionLifetime = {
  inactivityMs: 12 * hourMs,
  absoluteMs: 7 * 24 * hourMs,
  touchEveryMs: 5 * minuteMs,
} as const

/** Between the password and the TOTP code: long enough to open an authenticator app. */
export const challengeLifetimeMs = 5 * minuteMs

/** Wrong codes one challenge takes before the password must be given again. */
export const challengeMaxAttempts = 5

/** How long an emailed invite works. */
export const inviteLifetimeMs = 7 * 24 * hourMs
