// Measures the script tag's bundle as browsers get it: minified, gzipped. Run
// `node packages/embed/scripts/size.ts` for the table; test/size.test.ts enforces the budgets.
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { embedBuildOptions } from './build.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** One row: the bundle itself, or `contents` importing one part of it. Budgets in bytes min+gzip. */
export type SizeEntry = { name: string; budget: number; contents?: string }

export const budgets: SizeEntry[] = [
  {
    // The budget for everything the tag will carry: forms, sign-in, discussions and
    // notifications. Waline's slim build is 27.7 KB; this must stay well below it.
    name: 'dist/embed.js, everything',
    budget: 20 * 1024,
  },
  {
    // The three web components with their stylesheet and strings, without the SDK under them:
    // what sign-in, discussions and notifications add. A margin above today's figure. Issue 14
    // (sign-in links, the TOTP step and enrolment) took it from about 10.0 to 10.8 KB; passkeys
    // and "Continue with …" providers (buttons, lists, the account view) to 11.4 KB.
    name: 'web components (auth, forum, notifications), without the SDK',
    contents: [
      "export { PorchlightAuth } from './src/auth-element.ts'",
      "export { PorchlightForum } from './src/forum-element.ts'",
      "export { PorchlightNotifications } from './src/notifications-element.ts'",
    ].join('\n'),
    budget: 11.5 * 1024,
  },
  {
    // Form enhancement alone, without the SDK under it: what each page with a contact form
    // pays on top of the client. A margin above today's figure, so growth is a decision.
    name: 'form enhancement alone (src/forms.ts), without the SDK',
    contents: "export { enhanceForm } from './src/forms.ts'",
    budget: 2048,
  },
]

/** Bundles one entry for the browser and returns its minified and gzipped sizes in bytes. */
export async function measure(entry: SizeEntry): Promise<{ min: number; gzip: number }> {
  const options = await embedBuildOptions()
  const result = await build(
    entry.contents
      ? {
          ...options,
          entryPoints: undefined,
          stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' },
          sourcemap: false,
          banner: undefined,
          format: 'esm',
          // The SDK is left out: it is measured, and budgeted, in packages/sdk.
          external: ['../../sdk/*'],
        }
      : { ...options, sourcemap: false },
  )
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array()
  return { min: code.byteLength, gzip: gzipSync(code).byteLength }
}

if (import.meta.main) {
  const rows = []
  for (const entry of budgets) {
    const { min, gzip } = await measure(entry)
    rows.push({
      entry: entry.name,
      'min (B)': min,
      'min+gzip (B)': gzip,
      'budget (B)': entry.budget,
    })
  }
  console.table(rows)
}
