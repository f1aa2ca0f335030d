import { ApiError } from '../http/errors.ts'

// Not cached: the answer changes as soon as the operator builds.
const noStore = { headers: { 'Cache-Control': 'no-store' } }

/** The errors of the server's own files: the embed bundle, the API reference, the console. */
export const PageErrors = {
  embedNotBuilt: () =>
    new ApiError(
      404,
      'EMBED_NOT_BUILT',
      'The script tag bundle (packages/embed/dist/embed.js) has not been built: run `npm run build` in the Porchlight checkout.',
      noStore,
    ),
  embedVersionNotFound: (current: string) =>
    new ApiError(
      404,
      'EMBED_VERSION_NOT_FOUND',
      `This server has @porchlight/embed ${current}: load /embed/${current}/embed.js, or /embed.js for whatever version it has.`,
      noStore,
    ),
  apiReferenceMissing: () =>
    new ApiError(
      404,
      'API_REFERENCE_NOT_INSTALLED',
      'The API reference’s renderer (swagger-ui-dist) is missing: run `npm install` in the Porchlight checkout. The document itself is at /v1/openapi.json.',
      noStore,
    ),
  consoleNotBuilt: () =>
    new ApiError(
      404,
      'CONSOLE_NOT_BUILT',
      'The owner console (apps/console) has not been built: run `npm run build` in the Porchlight checkout.',
      noStore,
    ),
} as const
