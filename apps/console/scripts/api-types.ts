// Generates src/api/schema.d.ts, the API's types for the console's client, from the OpenAPI
// document the server generates from its routes (docs/openapi.json: `npm run openapi -w
// @porchlight/server`). Run by the console's build; test/api-types.test.ts fails when the file is
// not what the document gives, so a route change that breaks a page fails `tsc`, not a user.
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const documentPath = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url))
export const schemaPath = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url))

const banner = `// Generated from docs/openapi.json by \`npm run api-types -w @porchlight/console\`: do not edit.\n`

/**
 * The text of src/api/schema.d.ts for the document as it is now.
 *
 * @example
 * const text = await apiTypes()
 */
export async function apiTypes(): Promise<string> {
  const document = JSON.parse(await readFile(documentPath, 'utf8'))
  // Every answer's type keeps its `4xx` and `default` entries, so an error envelope is typed too.
  const ast = await openapiTS(document, { alphabetize: false, exportType: false })
  return banner + astToString(ast)
}

if (import.meta.main) {
  await writeFile(schemaPath, await apiTypes())
  console.log('src/api/schema.d.ts: generated from docs/openapi.json')
}
