import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest'
import { type PublishedName, publishedPackages, repositoryRoot } from './support/packages.ts'
import { run } from './support/run.ts'
import { packagesImportedBy, type UnpackedTarball, unpack } from './support/tarball.ts'

// What each tarball carries, and what the two linters of published packages say about it:
// publint (package.json against the files) and Are the Types Wrong (types under every module
// resolution a consumer may use). Issue 10: the server's tarball carried its tests and benches
// (302 files), no LICENSE and no repository.

const packed = inject('packed')
const attw = join(repositoryRoot, 'node_modules', '.bin', 'attw')

/**
 * Which resolutions each package promises. The server is ESM only (Node ≥ 22.18 loads it from
 * CommonJS too, through require(esm)), so node10 and CJS-importer resolutions are out of scope;
 * the SDK ships ESM, CommonJS and types for both, so every resolution must work; the embed
 * package is a script-tag bundle whose module entry is ESM only.
 */
const attwProfile: Record<PublishedName, 'strict' | 'esm-only'> = {
  '@porchlight/server': 'esm-only',
  '@porchlight/sdk': 'strict',
  '@porchlight/embed': 'esm-only',
}

const names = Object.keys(publishedPackages) as PublishedName[]

describe.each(names)('%s', (name) => {
  const tarball = packed[name]
  let unpacked: UnpackedTarball

  beforeAll(async () => {
    unpacked = await unpack(tarball.tarball)
    console.log(
      `${name}@${tarball.version}: ${kilobytes(tarball.size)} packed, ${kilobytes(tarball.unpackedSize)} unpacked, ${tarball.files.length} files`,
    )
  })
  afterAll(() => unpacked?.remove())

  it('carries the product only: no tests, benches or test helpers; a LICENSE and a README', () => {
    const offenders = unpacked.files.filter(
      (file) =>
        /\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(file) ||
        /(^|\/)(test|tests|bench|__tests__|test-results|testing)\//.test(file) ||
        /(^|\/)vitest\.config\./.test(file),
    )
    expect(offenders).toEqual([])
    expect(unpacked.files).toContain('LICENSE')
    expect(unpacked.files).toContain('README.md')
    expect(unpacked.read('LICENSE')).toMatch(/^MIT License/)
  })

  it('declares its license, repository, engines, side effects and files', () => {
    const { manifest } = unpacked
    expect(manifest.license).toBe('MIT')
    expect(manifest.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/porchlight-dev/porchlight.git',
      directory: publishedPackages[name],
    })
    expect(manifest.engines?.node).toMatch(/^>=\d+/)
    expect(manifest.sideEffects).toBeDefined()
    expect(manifest.files?.length).toBeGreaterThan(0)
    // The CDN fields name files that are in the package.
    for (const field of ['unpkg', 'jsdelivr'] as const) {
      const path = manifest[field]
      if (path) expect(unpacked.files, field).toContain(path.replace(/^\.\//, ''))
    }
  })

  it('imports, at run time and in its types, only packages it declares', () => {
    const { manifest } = unpacked
    // A package may name itself (its own exports); anything else must be installed with it.
    const declared = [
      manifest.name,
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]
    const undeclared = new Map<string, string[]>()
    // Not dist/public: files a browser downloads, bundled whole, which Node never imports (the
    // console's install snippets hold `import … from '@porchlight/sdk'` as text to copy).
    const modules = unpacked.files.filter(
      (f) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f) && !f.startsWith('dist/public/'),
    )
    for (const file of modules) {
      for (const used of packagesImportedBy(unpacked.read(file))) {
        if (!declared.includes(used)) undeclared.set(used, [...(undeclared.get(used) ?? []), file])
      }
    }
    expect(Object.fromEntries(undeclared)).toEqual({})
  })

  it('passes publint, strict', async () => {
    const file = readFileSync(tarball.tarball)
    const { messages, pkg } = await publint({
      pack: { tarball: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) },
      strict: true,
      level: 'suggestion',
    })
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([])
  })

  it(`passes Are the Types Wrong (${attwProfile[name]} profile)`, async () => {
    const result = await run(
      attw,
      [tarball.tarball, '--profile', attwProfile[name], '--format', 'ascii', '--no-color'],
      { cwd: repositoryRoot },
    )
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0)
  })
})

describe('@porchlight/server', () => {
  it('carries its build and the assets it serves, laid out as their URLs, and no sources', async () => {
    const unpacked = await unpack(packed['@porchlight/server'].tarball)
    onTestFinished(() => unpacked.remove())
    const { files, read } = unpacked
    const embedVersion = JSON.parse(
      readFileSync(join(repositoryRoot, 'packages/embed/package.json'), 'utf8'),
    ).version as string
    expect(
      files.filter(
        (file) => file.startsWith('src/') || (file.endsWith('.ts') && !file.endsWith('.d.ts')),
      ),
    ).toEqual([])
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/porchlight.js',
        'dist/cli.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/worker.js',
        'dist/worker.d.ts',
        'dist/public/assets.json',
        'dist/public/embed.js',
        'dist/public/embed.js.map',
        `dist/public/embed/${embedVersion}/embed.js`,
        `dist/public/embed/${embedVersion}/embed.js.map`,
        'dist/public/demo/index.html',
        'dist/public/demo/contact.html',
        'dist/public/demo/style.css',
        'dist/public/docs/api/swagger-ui-bundle.js',
        'dist/public/docs/api/swagger-ui.css',
        'dist/public/docs/api/LICENSE',
        'dist/public/docs/api/NOTICE',
        'dist/public/v1/openapi.json',
        'dist/public/console/index.html',
      ]),
    )
    // The owner console: its page and every hashed file the page names, listed for the Worker.
    const consoleFiles = JSON.parse(read('dist/public/assets.json')).console as string[]
    expect(consoleFiles).toContain('index.html')
    for (const path of consoleFiles) expect(files).toContain(`dist/public/console/${path}`)
    // The document the Worker serves instead of generating it on an isolate's first request.
    expect(JSON.parse(read('dist/public/v1/openapi.json'))).toMatchObject({ openapi: '3.1.0' })
    expect(JSON.parse(read('dist/public/assets.json'))).toMatchObject({
      embed: { version: embedVersion },
    })
    expect(read(`dist/public/embed/${embedVersion}/embed.js`)).toBe(read('dist/public/embed.js'))
  })
})

function kilobytes(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`
}
