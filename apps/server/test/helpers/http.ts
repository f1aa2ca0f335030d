import type { InValue } from '@libsql/client'
import { expect } from 'vitest'
import type { SqlClient } from '../../src/db/client.ts'

/** Headers for the owner's API. */
export function bearer(secretKey: string): Record<string, string> {
  return { Authorization: `Bearer ${secretKey}` }
}

/** A request with a JSON body, as a client library would send it. */
export function jsonRequest(
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  }
}

/** The error envelope a client should see for `code`; the message is free text. */
export function apiError(code: string, fields?: Record<string, unknown>) {
  const message = expect.any(String)
  return { error: fields ? { code, message, fields } : { code, message } }
}

/** Rows as plain objects, for asserting what was stored. */
export async function rows(
  client: SqlClient,
  sql: string,
  ...args: InValue[]
): Promise<Record<string, unknown>[]> {
  const result = await client.execute({ sql, args })
  return result.rows.map((row) => ({ ...row }))
}

/** Every value stored in every table, for checks like "this secret is stored nowhere". */
export async function everyStoredValue(client: SqlClient): Promise<string[]> {
  const tables = await rows(
    client,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  )
  const values: string[] = []
  for (const { name } of tables) {
    for (const row of await rows(client, `SELECT * FROM "${String(name)}"`)) {
      values.push(...Object.values(row).map(String))
    }
  }
  return values
}
