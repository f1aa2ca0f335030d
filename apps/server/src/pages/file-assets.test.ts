import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { fileAssets } from './file-assets.ts'

// The Node adapter behind /embed.js, on checkouts laid out on disk.

const embedPackage = fileURLToPath(new URL('../../../../packages/embed/', import.meta.url))
let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

/** A checkout with the embed package's sources and, if given, a built dist/. */
function checkout(dist?: { code: string; map?: string }) {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-assets-'))
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
  return { root: dir, embed }
}

it('reads the built bundle, and again once it is rebuilt', async () => {
  const { root, embed } = checkout({ code: 'first();', map: '{}' })
  const assets = fileAssets(root)
  expect(await assets.embed()).toEqual({
    version: '9.8.7',
    code: 'first();',
    map: '{}',
    from: 'dist',
  })
  writeFileSync(join(embed, 'dist', 'embed.js'), 'second();;')
  expect((await assets.embed())?.code).toBe('second();;')
})

it('builds the bundle in memory when the checkout was never built (npm install && npm start)', async () => {
  const { root } = checkout()
  const bundle = await fileAssets(root).embed()
  expect(bundle?.from).toBe('memory')
  expect(bundle?.version).toBe('9.8.7')
  expect(bundle?.code).toMatch(/^\/\*! @porchlight\/embed /)
  expect(bundle?.code).toContain('sourceMappingURL=embed.js.map')
  expect(JSON.parse(bundle?.map ?? '')).toMatchObject({ version: 3 })
}, 30_000)

it('has no bundle where there is neither a build nor the package', async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-assets-'))
  expect(await fileAssets(dir).embed()).toBeNull()
})
