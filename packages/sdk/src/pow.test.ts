import { createHash, randomBytes, randomInt } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type Challenge, solveChallenge } from './pow.ts'

/** A challenge made the way ALTCHA servers make them, with its secret number. */
function makeChallenge(maxnumber: number, number = randomInt(0, maxnumber + 1)) {
  const salt = `${randomBytes(12).toString('hex')}?expires=1790000000&`
  const challenge: Challenge = {
    algorithm: 'SHA-256',
    challenge: createHash('sha256').update(`${salt}${number}`).digest('hex'),
    maxnumber,
    salt,
    signature: 'not checked by the solver',
  }
  return { challenge, number }
}

describe('solveChallenge', () => {
  it('finds the secret number', async () => {
    for (let i = 0; i < 5; i++) {
      const { challenge, number } = makeChallenge(1000)
      expect(await solveChallenge(challenge)).toBe(number)
    }
  })

  it('finds 0 and maxnumber, the two ends of the range', async () => {
    expect(await solveChallenge(makeChallenge(300, 0).challenge)).toBe(0)
    expect(await solveChallenge(makeChallenge(300, 300).challenge)).toBe(300)
  })

  it('accepts the digest in uppercase hex too', async () => {
    const { challenge, number } = makeChallenge(100)
    challenge.challenge = challenge.challenge.toUpperCase()
    expect(await solveChallenge(challenge)).toBe(number)
  })

  it('fails with CHALLENGE_FAILED past maxnumber', async () => {
    const { challenge } = makeChallenge(100, 101)
    await expect(solveChallenge(challenge)).rejects.toMatchObject({
      name: 'PorchlightError',
      status: 0,
      code: 'CHALLENGE_FAILED',
    })
  })

  it('fails with ABORTED at once for a signal already aborted', async () => {
    const { challenge } = makeChallenge(100)
    await expect(solveChallenge(challenge, AbortSignal.abort())).rejects.toMatchObject({
      status: 0,
      code: 'ABORTED',
    })
  })
})
