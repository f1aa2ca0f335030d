// Writes docs/openapi.json, the API's OpenAPI document as the routes generate it: the copy a
// reader finds in the repository, and the one `redocly lint` checks. A deployment serves its own
// at /v1/openapi.json (the same document, naming its PUBLIC_URL as the server); the build puts one
// in dist/public for the Worker. Run after changing a route: `npm run openapi -w
// @porchlight/server`. A test fails while the checked-in copy differs from what the routes make.
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import type { OpenAPIV3_1 } from 'openapi-types'
import { createApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { createDeps } from '../src/deps.ts'
import { openApiDocument } from '../src/http/openapi-document.ts'
import { serverVersion } from '../src/version.ts'

/** Where the checked-in copy lives. */
export const checkedInDocument = fileURLToPath(
  new URL('../../../docs/openapi.json', import.meta.url),
)

/** The command that rewrites it, for messages that ask for it. */
export const regenerateCommand = 'npm run openapi -w @porchlight/server'

/**
 * An app with the default settings, for its routes only: the routes do not depend on settings
 * (only the development pages do, and they are not part of the API). Close it when done.
 *
 * @example const { app, close } = referenceApp()
 */
export function referenceApp() {
  // Nothing is read or written: the app is only asked for its routes.
  const client = createClient({ url: ':memory:' })
  const config = loadConfig({ DATABASE_URL: 'file:unused.db' })
  const unsent = { send: async () => {} }
  const app = createApp(createDeps({ config, client, mail: unsent }))
  return { app, config, close: () => client.close() }
}

/**
 * The document of the API as every deployment has it, naming a local server (`npm start`) as
 * its address.
 *
 * @example const text = formatDocument(await referenceOpenApiDocument())
 */
export async function referenceOpenApiDocument(): Promise<OpenAPIV3_1.Document> {
  const { app, config, close } = referenceApp()
  try {
    const { openapi, info, ...rest } = await openApiDocument(app, { version: serverVersion })
    const local = {
      url: config.publicUrl,
      description:
        'A local server (`npm start`). A deployment serves this document at /v1/openapi.json with its own address.',
    }
    // In the order a reader expects: what it is, where it is, then the operations.
    return { openapi, info, servers: [local], ...rest }
  } finally {
    close()
  }
}

/** The document as a file: indented, so that a change to a route reads as a small diff. */
export function formatDocument(document: OpenAPIV3_1.Document): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

if (import.meta.main) {
  const text = formatDocument(await referenceOpenApiDocument())
  await writeFile(checkedInDocument, text)
  console.log(`docs/openapi.json: ${(text.length / 1024).toFixed(0)} KB`)
}
