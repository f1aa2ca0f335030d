// The console's client is typed from src/api/schema.d.ts; this fails when that file is not what
// docs/openapi.json gives, so a route change reaches the console's type-check instead of a user.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { apiTypes, schemaPath } from '../scripts/api-types.ts'

describe("the console's API types", () => {
  it('are generated from the current OpenAPI document (`npm run api-types -w @porchlight/console`)', async () => {
    expect(await readFile(schemaPath, 'utf8')).toBe(await apiTypes())
  })
})
