import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { buildPublicAssets } from '../../scripts/build-assets.ts'
import { fileAssets } from './file-assets.ts'

// The Node adapter behind /embed.js and /demo/, in a source checkout and in an installed
// package, each laid out on disk as it is for real.

const embedPackage = fileURLToPath(new URL('../../../../packages/embed/', import.meta.url))
const consolePackage = fileURLToPath(new URL('../../../console/', import.meta.url))
const swaggerUi = fileURLToPath(
  new URL('../../../../node_modules/swagger-ui-dist/', import.meta.url),
)
let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

/** A console build as Vite lays it out: the page, and its hashed files. */
const consoleBuild = {
  'index.html': '<script type="module" src="/console/assets/index-Ab12.js"></script>',
  'assets/index-Ab12.js': 'console();',
  'assets/index-Cd34.css': 'body {}',
}

/**
 * A checkout: the server package with its sources, the embed package's sources and, if given, a
 * built dist/, the console's sources and (unless `consoleBuilt` is false) its build, and the demo
 * site. Returns the server package's folder.
 */
function checkout(dist?: { code: string; map?: string }, { consoleBuilt = true } = {}) {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-assets-'))
  const server = join(dir, 'apps', 'server')
  mkdirSync(join(server, 'src'), { recursive: true })
  writeFileSync(join(server, 'package.json'), JSON.stringify({ name: '@porchlight/server' }))
  const embed = join(dir, 'packages', 'embed')
  mkdirSync(embed, { recursive: true })
  writeFileSync(join(embed, 'package.json'), JSON.stringify({ version: '9.8.7' }))
  for (const folder of ['scripts', 'src'])
    symlinkSync(join(embedPackage, folder), join(embed, folder))
  symlinkSync(join(embedPackage, '..', 'sdk'), join(dir, 'packages', 'sdk'))
  if (dist) {
    mkdirSync(join(embed, 'dist'))
    writeFileSync(join(embed, 'dist', 'embed.js'), dist.code)
    if (dist.map) writeFileSync(join(embed, 'dist', 'embed.js.map'), dist.map)
  }
  const ownerConsole = join(dir, 'apps', 'console')
  mkdirSync(ownerConsole)
  for (const entry of ['vite.config.ts', 'package.json', 'scripts', 'src'])
    symlinkSync(join(consolePackage, entry), join(ownerConsole, entry))
  // A copy: Vite names the page after its path below the root, which a link would leave.
  copyFileSync(join(consolePackage, 'index.html'), join(ownerConsole, 'index.html'))
  if (consoleBuilt) {
    mkdirSync(join(ownerConsole, 'dist', 'assets'), { recursive: true })
    for (const [name, text] of Object.entries(consoleBuild))
      writeFileSync(join(ownerConsole, 'dist', name), text)
  }
  const demo = join(dir, 'examples', 'static-site')
  mkdirSync(demo, { recursive: true })
  writeFileSync(join(demo, 'index.html'), '<title>Demo</title>')
  writeFileSync(join(demo, 'style.css'), 'body {}')
  writeFileSync(join(demo, 'README.md'), '# not a page')
  // The API reference's renderer, installed as `npm install` installs it.
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(swaggerUi, join(dir, 'node_modules', 'swagger-ui-dist'))
  // And what the console's build needs: Vite, and what the console imports.
  for (const name of ['vite', 'preact', 'preact-iso', 'openapi-fetch'])
    symlinkSync(join(swaggerUi, '..', name), join(dir, 'node_modules', name))
  return { root: dir, server, embed }
}

describe('in a source checkout', () => {
  it('reads the built bundle, and again once it is rebuilt', async () => {
    const { server, embed } = checkout({ code: 'first();', map: '{}' })
    const assets = fileAssets(server)
    expect(await assets.embed()).toEqual({
      version: '9.8.7',
      code: 'first();',
      map: '{}',
      from: 'dist',
    })
    writeFileSync(join(embed, 'dist', 'embed.js'), 'second();;')
    expect((await assets.embed())?.code).toBe('second();;')
    expect(await assets.demoFile('index.html')).toBe('<title>Demo</title>')
  })

  it('builds the bundle in memory when the checkout was never built (npm install && npm start)', async () => {
    const { server } = checkout()
    const bundle = await fileAssets(server).embed()
    expect(bundle?.from).toBe('memory')
    expect(bundle?.version).toBe('9.8.7')
    expect(bundle?.code).toMatch(/^\/\*! @porchlight\/embed /)
    expect(bundle?.code).toContain('sourceMappingURL=embed.js.map')
    expect(JSON.parse(bundle?.map ?? '')).toMatchObject({ version: 3 })
  }, 30_000)

  it('serves the console’s build, read afresh as it is rebuilt, and only its own files', async () => {
    const { server, root } = checkout()
    const assets = fileAssets(server)
    expect(await assets.consoleFile('index.html')).toBe(consoleBuild['index.html'])
    expect(await assets.consoleFile('assets/index-Ab12.js')).toBe('console();')
    writeFileSync(join(root, 'apps', 'console', 'dist', 'assets', 'index-Ab12.js'), 'again();')
    expect(await assets.consoleFile('assets/index-Ab12.js')).toBe('again();')
    for (const path of [
      '../package.json',
      'assets/../../vite.config.ts',
      'src/main.tsx',
      'assets/none.js',
    ]) {
      expect(await assets.consoleFile(path)).toBeNull()
    }
  })

  it('builds the console in memory when the checkout was never built (npm install && npm start)', async () => {
    const { server } = checkout(undefined, { consoleBuilt: false })
    const assets = fileAssets(server)
    const page = (await assets.consoleFile('index.html')) ?? ''
    const script = /src="\/console\/(assets\/index-[\w-]+\.js)"/.exec(page)?.[1]
    expect(page).toContain('<div id="app">')
    expect(script).toBeDefined()
    expect(await assets.consoleFile(script ?? '')).toContain('porchlight')
  }, 60_000)

  it('serves the API reference’s renderer from node_modules, and leaves the document to the routes', async () => {
    const { server } = checkout()
    const assets = fileAssets(server)
    const css = await assets.apiReferenceFile('swagger-ui.css')
    expect(css).toBe(await readFile(join(swaggerUi, 'swagger-ui.css'), 'utf8'))
    expect(await assets.apiReferenceFile('swagger-ui-bundle.js')).toContain('SwaggerUIBundle')
    // Nothing else of the package: not its demo page, not a path out of it.
    for (const name of ['index.html', 'swagger-initializer.js', '../swagger-ui-dist/index.js']) {
      expect(await assets.apiReferenceFile(name as 'swagger-ui.css')).toBeNull()
    }
    // Generated from the routes as they are: a checkout's change while developing.
    expect(await assets.openApiDocument()).toBeNull()
  })

  it('has no bundle where there is neither a build nor the package', async () => {
    dir = mkdtempSync(join(tmpdir(), 'porchlight-assets-'))
    mkdirSync(join(dir, 'src'))
    expect(await fileAssets(dir).embed()).toBeNull()
  })
})

// Issue 10: an installed package read /embed.js and /demo/ from ../../../../packages, a folder
// only a checkout has; it now serves the copies its build put in dist/public.
describe('installed from npm (no src/)', () => {
  /** Builds dist/public in a checkout, then moves the server package out of it, without src/. */
  async function installed() {
    const { root, server } = checkout({ code: 'built();', map: '{"version":3}' })
    const manifest = await buildPublicAssets(server)
    const installedDir = join(root, 'node_modules', '@porchlight', 'server')
    mkdirSync(installedDir, { recursive: true })
    writeFileSync(join(installedDir, 'package.json'), '{}')
    renameSync(join(server, 'dist'), join(installedDir, 'dist'))
    // The checkout is gone, as it is on a user's machine.
    rmSync(join(root, 'packages'), { recursive: true })
    rmSync(join(root, 'apps', 'console'), { recursive: true })
    rmSync(join(root, 'examples'), { recursive: true })
    return { installedDir, manifest }
  }

  it('serves the bundle and the demo pages its build assembled', async () => {
    const { installedDir, manifest } = await installed()
    expect(manifest).toEqual({
      embed: { version: '9.8.7' },
      demo: ['index.html', 'style.css'],
      console: ['assets/index-Ab12.js', 'assets/index-Cd34.css', 'index.html'],
    })
    const assets = fileAssets(installedDir)
    expect(await assets.embed()).toEqual({
      version: '9.8.7',
      code: 'built();',
      map: '{"version":3}',
      from: 'dist',
    })
    expect(await assets.demoFile('index.html')).toBe('<title>Demo</title>')
    expect(await assets.demoFile('style.css')).toBe('body {}')
    for (const [name, text] of Object.entries(consoleBuild)) {
      expect(await assets.consoleFile(name)).toBe(text)
    }
    expect(await assets.consoleFile('assets/missing-Zz99.js')).toBeNull()
  })

  it('serves the API reference’s renderer and the OpenAPI document its build made', async () => {
    const { installedDir } = await installed()
    const assets = fileAssets(installedDir)
    expect(await assets.apiReferenceFile('swagger-ui.css')).toBe(
      await readFile(join(swaggerUi, 'swagger-ui.css'), 'utf8'),
    )
    const document = JSON.parse((await assets.openApiDocument()) ?? '')
    expect(document.openapi).toBe('3.1.0')
    expect(document.paths['/v1/site'].get.summary).toEqual(expect.any(String))
  })

  it('serves nothing outside the demo folder, and no file the build did not copy', async () => {
    const { installedDir } = await installed()
    const assets = fileAssets(installedDir)
    for (const name of ['README.md', '../assets.json', '..%2fembed.js', 'missing.html', '.env']) {
      expect(await assets.demoFile(name)).toBeNull()
    }
  })

  it('keeps every file readable while builds run at once (wrangler runs one before each Worker build)', async () => {
    const { server, embed } = checkout({ code: 'built();', map: '{"version":3}' })
    await buildPublicAssets(server)
    // An older version's files, which the next build removes.
    mkdirSync(join(server, 'dist', 'public', 'embed', '0.0.1'))
    writeFileSync(join(server, 'dist', 'public', 'embed', '0.0.1', 'embed.js'), 'old();')
    writeFileSync(join(embed, 'dist', 'embed.js'), 'rebuilt();')

    const folder = join(server, 'dist', 'public')
    const failedReads: string[] = []
    let building = true
    const reading = (async () => {
      while (building) {
        for (const file of ['assets.json', 'embed.js', 'embed/9.8.7/embed.js', 'demo/style.css']) {
          await readFile(join(folder, file), 'utf8').catch(() => failedReads.push(file))
        }
      }
    })()
    await Promise.all([1, 2, 3, 4].map(() => buildPublicAssets(server)))
    building = false
    await reading

    expect(failedReads).toEqual([])
    expect(readdirSync(folder, { recursive: true }).sort()).toEqual([
      'assets.json',
      'console',
      'console/assets',
      'console/assets/index-Ab12.js',
      'console/assets/index-Cd34.css',
      'console/index.html',
      'demo',
      'demo/index.html',
      'demo/style.css',
      'docs',
      'docs/api',
      'docs/api/LICENSE',
      'docs/api/NOTICE',
      'docs/api/swagger-ui-bundle.js',
      'docs/api/swagger-ui-bundle.js.LICENSE.txt',
      'docs/api/swagger-ui.css',
      'embed',
      'embed.js',
      'embed.js.map',
      'embed/9.8.7',
      'embed/9.8.7/embed.js',
      'embed/9.8.7/embed.js.map',
      'internal',
      'internal/common-passwords.txt',
      'v1',
      'v1/openapi.json',
    ])
    expect(await readFile(join(folder, 'embed.js'), 'utf8')).toBe('rebuilt();')
  })

  it('has no bundle when the build left none', async () => {
    dir = mkdtempSync(join(tmpdir(), 'porchlight-assets-'))
    expect(await fileAssets(dir).embed()).toBeNull()
    expect(await fileAssets(dir).demoFile('index.html')).toBeNull()
  })
})
