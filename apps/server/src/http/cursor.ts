import { Buffer } from 'node:buffer'
import { decodeBase64urlIgnorePadding } from '@oslojs/encoding'
import { ApiError } from './errors.ts'

// Cursors are opaque to clients: base64url of a small JSON tuple. They are not secret or signed;
// every query that uses one is still scoped to the caller's site.

export function encodeCursor(values: readonly (string | number)[]): string {
  // Buffer's own base64url (unpadded, as before): every page a list answers carries a cursor, and
  // a TextEncoder's fresh array plus a base64 loop in JS cost several times more per request.
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(
      new TextDecoder().decode(decodeBase64urlIgnorePadding(cursor)),
    )
    if (Array.isArray(parsed)) return parsed
  } catch {}
  throw new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')
}
