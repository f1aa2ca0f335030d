import { encodeBase64urlNoPadding } from '@oslojs/encoding'
import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './cursor.ts'

describe('list cursors', () => {
  const samples: (string | number)[][] = [
    [1, 1765000000000, 'thr_6mnj6dgmvywb3qyrq6jvlp6b'],
    [9000],
    // Non-ASCII, and bytes whose base64 has `+`, `/` and padding: the URL-safe, unpadded form.
    ['Grüße ✓ 𝄞', '>>>???', 'a'],
  ]

  it.each(samples)('come back as the values they carry: %j', (...values) => {
    const cursor = encodeCursor(values)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor)).toEqual(values)
  })

  it('are the unpadded base64url of their UTF-8 JSON, as clients were given them before', () => {
    for (const values of samples) {
      const json = new TextEncoder().encode(JSON.stringify(values))
      expect(encodeCursor(values)).toBe(encodeBase64urlNoPadding(json))
    }
  })

  it('refuse what this API never gave out', () => {
    for (const bad of ['%%%', 'bm90IGpzb24', 'eyJhIjoxfQ']) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }))
    }
  })
})
