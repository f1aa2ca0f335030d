// A tiny CBOR encoder (RFC 8949) for building WebAuthn objects in tests: unsigned and negative
// integers, byte and text strings, arrays and maps (keys in the order given, as authenticators
// write them). Enough for attestation objects and COSE keys; nothing else needs it.

export type CborValue = number | string | Uint8Array | CborValue[] | Map<number | string, CborValue>

function head(major: number, length: number): number[] {
  const type = major << 5
  if (length < 24) return [type | length]
  if (length < 0x100) return [type | 24, length]
  if (length < 0x10000) return [type | 25, length >> 8, length & 0xff]
  return [
    type | 26,
    (length >>> 24) & 0xff,
    (length >> 16) & 0xff,
    (length >> 8) & 0xff,
    length & 0xff,
  ]
}

function parts(value: CborValue): number[] {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('only integers')
    return value >= 0 ? head(0, value) : head(1, -1 - value)
  }
  if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value)
    return [...head(3, bytes.length), ...bytes]
  }
  if (value instanceof Uint8Array) return [...head(2, value.length), ...value]
  if (Array.isArray(value)) return [...head(4, value.length), ...value.flatMap(parts)]
  const entries = [...value.entries()]
  return [...head(5, entries.length), ...entries.flatMap(([k, v]) => [...parts(k), ...parts(v)])]
}

export function encodeCbor(value: CborValue): Uint8Array {
  return new Uint8Array(parts(value))
}
