/**
 * zod's API for the Worker bundle (worker-zod.ts), without the parts the app never uses.
 *
 * Why: the app imports the `z` namespace object, which a bundler has to build whole, with every
 * export of zod in it. Among them are `locales` (error messages in 63 languages, ~260 KB
 * minified), `core` and `z` itself (which carry `locales` again), and the `compile` and
 * `fromJSONSchema` tools (~45 KB). Porchlight answers in English and never selects another
 * locale: zod registers its English messages itself, on first use, from its own module, and they
 * stay. Shadowing those names here (a module's own exports win over its `export *`) leaves the
 * rest unreferenced, and esbuild drops them.
 */
import en from 'zod/v4/locales/en.js'

export * from 'zod/v4'

/** English only: the locale zod applies by default. */
export const locales = { en }

/** Left out of the Worker build; see the module comment. */
function leftOut(name: string): () => never {
  return () => {
    throw new Error(`zod's ${name} is not in Porchlight's Worker build (wrangler.toml [alias])`)
  }
}

export const compile = leftOut('compile')
export const fromJSONSchema = leftOut('fromJSONSchema')
/** `z.core` and `z.z`: nothing in the app reaches zod through them. */
export const core = {}
export const z = {}
