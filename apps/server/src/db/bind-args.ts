import { Buffer } from 'node:buffer'
import type { InArgs, InValue } from '@libsql/client'

/** libSQL client arguments as the `libsql` binding takes them: positional, or named without sigil. */
export function bindArgs(args: InArgs): unknown[] | Record<string, unknown> {
  if (Array.isArray(args)) return args.map(bindValue)
  const named: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(args)) {
    named[/^[@$:]/.test(key) ? key.slice(1) : key] = bindValue(value)
  }
  return named
}

function bindValue(value: InValue): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.valueOf()
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length)
  return value
}
