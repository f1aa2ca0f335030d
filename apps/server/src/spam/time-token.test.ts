import { describe, expect, it } from 'vitest'
import { checkTimeToken, issueTimeToken } from './time-token.ts'

const secret = 'site-signing-secret'
const issuedAt = Date.UTC(2026, 10, 21, 12)
const seconds = (n: number) => n * 1000

describe('time tokens', () => {
  const token = issueTimeToken(secret, 'contact', issuedAt)

  it('is the issue time in ms and a base64url HMAC', () => {
    expect(token).toMatch(new RegExp(`^${issuedAt}\\.[A-Za-z0-9_-]{43}$`))
  })

  it('accepts a form sent after the minimum time', () => {
    expect(checkTimeToken(secret, 'contact', token, issuedAt + seconds(3))).toBe('ok')
    expect(checkTimeToken(secret, 'contact', token, issuedAt + seconds(86_400))).toBe('ok')
  })

  it('marks a form sent too soon after it was shown', () => {
    expect(checkTimeToken(secret, 'contact', token, issuedAt + 500)).toBe('too_fast')
    expect(
      checkTimeToken(secret, 'contact', token, issuedAt + seconds(9), { minSeconds: 10 }),
    ).toBe('too_fast')
    // Another isolate's clock a little behind the issuer's.
    expect(checkTimeToken(secret, 'contact', token, issuedAt - 20)).toBe('too_fast')
  })

  it('expires a token after a day, or the configured age', () => {
    expect(checkTimeToken(secret, 'contact', token, issuedAt + seconds(86_401))).toBe('expired')
    expect(
      checkTimeToken(secret, 'contact', token, issuedAt + seconds(61), { maxAgeSeconds: 60 }),
    ).toBe('expired')
  })

  it('refuses a token for another form, from another site, or edited', () => {
    const later = issuedAt + seconds(10)
    expect(checkTimeToken(secret, 'newsletter', token, later)).toBe('invalid')
    expect(checkTimeToken('another-site-secret', 'contact', token, later)).toBe('invalid')
    // Backdating the issue time to get past the minimum breaks the signature.
    const backdated = token.replace(String(issuedAt), String(issuedAt - seconds(60)))
    expect(checkTimeToken(secret, 'contact', backdated, issuedAt + 500)).toBe('invalid')
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    expect(checkTimeToken(secret, 'contact', flipped, later)).toBe('invalid')
  })

  it('calls anything malformed invalid rather than throwing', () => {
    for (const junk of [
      '',
      'abc',
      `${issuedAt}.`,
      `${issuedAt}.${'!'.repeat(43)}`,
      `x${token}`,
      `${token}=`,
    ]) {
      expect(checkTimeToken(secret, 'contact', junk, issuedAt + seconds(10))).toBe('invalid')
    }
    expect(checkTimeToken('', 'contact', token, issuedAt + seconds(10))).toBe('invalid')
  })

  it('refuses to issue without a secret, which would make tokens forgeable', () => {
    expect(() => issueTimeToken('', 'contact', issuedAt)).toThrow(/signing secret/)
  })
})
