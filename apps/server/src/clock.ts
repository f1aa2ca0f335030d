/** The time source, injectable so tests can move through hours of expiry in milliseconds. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
