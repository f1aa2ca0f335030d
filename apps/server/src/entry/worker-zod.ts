/**
 * `zod` as the Worker bundle sees it: wrangler.toml's `[alias]` points the bare `zod` import here,
 * for the Worker build only (Node and the tests import zod itself). The API is zod's own, less
 * what the app never calls and the bundle could not otherwise shed: see worker-zod-api.ts.
 */
import * as zod from './worker-zod-api.ts'

export * from './worker-zod-api.ts'
// As in zod's own entry: `import { z } from 'zod'` is the whole API as one namespace.
export { zod as z, zod as default }
