import { readFileSync } from 'node:fs'
import type { OpenAPIV3_1 } from 'openapi-types'
import { expect, it } from 'vitest'
import {
  checkedInDocument,
  formatDocument,
  referenceOpenApiDocument,
  regenerateCommand,
} from '../../scripts/openapi.ts'

// docs/openapi.json is what readers, client generators and the linter see. A route changed
// without regenerating it would leave them with an API that is not the server's.

it('docs/openapi.json is the document the routes generate', async () => {
  const generated = await referenceOpenApiDocument()
  const checkedIn = readFileSync(checkedInDocument, 'utf8')
  if (checkedIn === formatDocument(generated)) return
  const changed = differences(JSON.parse(checkedIn), generated)
  expect.fail(
    `docs/openapi.json is not what the routes generate (${changed.join('; ') || 'formatting'}). Run \`${regenerateCommand}\` and commit docs/openapi.json.`,
  )
})

/** What differs, by operation and by top-level part, so the message says where to look. */
function differences(before: OpenAPIV3_1.Document, after: OpenAPIV3_1.Document): string[] {
  const operations = (document: OpenAPIV3_1.Document) => {
    const found = new Map<string, string>()
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        found.set(`${method.toUpperCase()} ${path}`, JSON.stringify(operation))
      }
    }
    return found
  }
  const was = operations(before)
  const is = operations(after)
  const changes: string[] = []
  for (const [name, operation] of is) {
    if (!was.has(name)) changes.push(`${name} is missing`)
    else if (was.get(name) !== operation) changes.push(`${name} changed`)
  }
  for (const name of was.keys()) if (!is.has(name)) changes.push(`${name} no longer exists`)
  for (const part of ['info', 'servers', 'tags', 'components'] as const) {
    if (JSON.stringify(before[part]) !== JSON.stringify(after[part]))
      changes.push(`${part} changed`)
  }
  return changes
}
