// Issue 10: `import '@porchlight/embed'` threw in Node (`HTMLElement is not defined`), so a
// server-rendered app could not import it. Both bundles are built as `npm run build` builds them,
// into a temp folder, and loaded by a plain Node process: no DOM, no HTMLElement, no
// customElements, no document.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { build, type Options } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEmbed } from '../scripts/build.ts'
import tsupConfig from '../tsup.config.ts'

const embed = fileURLToPath(new URL('..', import.meta.url))
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-embed-node-'))
  const config = tsupConfig as Options
  await build({
    ...config,
    // Paths in the config are relative to this package; the tests run from the repository root.
    entry: { index: join(embed, 'src/module.ts') },
    dts: false,
    outDir: dir,
    silent: true,
    config: false,
  })
  writeFileSync(join(dir, 'embed.js'), (await buildEmbed({ write: false })).code)
  // As in the package: .js files are ES modules.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))
}, 60_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Runs `code` as an ES module in a new Node process and returns what it printed, parsed. */
async function inNode(code: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', code],
    { cwd: dir, encoding: 'utf8' },
  )
  return JSON.parse(stdout)
}

describe('in Node, without a DOM', () => {
  it('the module (dist/index.js) imports, and install() does nothing and says so with null', async () => {
    const result = await inNode(`
      const globals = ['HTMLElement', 'customElements', 'document', 'window']
        .filter((name) => name in globalThis)
      const embed = await import('./index.js')
      console.log(JSON.stringify({
        globals,
        exports: Object.keys(embed),
        installed: embed.install({ key: 'pk_3mzq7kx2vbn4tr6wd5yh2fja', url: 'https://api.example.com' }),
        porchlight: typeof globalThis.Porchlight,
      }))`)
    expect(result).toEqual({
      globals: [],
      exports: ['install'],
      installed: null,
      porchlight: 'undefined',
    })
  })

  it('the script tag’s bundle (dist/embed.js) loads without throwing and sets nothing up', async () => {
    const result = await inNode(`
      await import('./embed.js')
      console.log(JSON.stringify({ porchlight: typeof globalThis.Porchlight }))`)
    expect(result).toEqual({ porchlight: 'undefined' })
  })
})
