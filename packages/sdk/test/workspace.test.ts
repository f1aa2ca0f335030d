// Issue 10: after `npm install` in a fresh clone, `import('@porchlight/sdk')` failed until
// something built packages/sdk/dist. Inside the repository the `@porchlight/source` export
// condition resolves the package to its sources (Node strips the types), and tools that set it
// (vite.config.ts and the tsconfig of examples/app) need no build. Without the condition, as
// everywhere outside the repository, it is the built package.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * Where `@porchlight/sdk` resolves for a module at the repository root, and, with `load`, what
 * importing it gives.
 */
async function resolveSdk(nodeOptions: string[], load: boolean) {
  const script = `
    const url = import.meta.resolve('@porchlight/sdk')
    const sdk = ${load} ? await import('@porchlight/sdk') : {}
    console.log(JSON.stringify({ url, createClient: typeof sdk.createClient }))`
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...nodeOptions, '--input-type=module', '-e', script],
    { cwd: repo, encoding: 'utf8' },
  )
  return JSON.parse(stdout) as { url: string; createClient: string }
}

describe('@porchlight/sdk inside the repository', () => {
  it('resolves to its sources under the @porchlight/source condition, and imports unbuilt', async () => {
    const { url, createClient } = await resolveSdk(['--conditions=@porchlight/source'], true)
    expect(url).toMatch(/\/packages\/sdk\/src\/index\.ts$/)
    expect(createClient).toBe('function')
  })

  it('resolves to the built package without it, as after npm install elsewhere', async () => {
    const { url } = await resolveSdk([], false)
    expect(url).toMatch(/\/packages\/sdk\/dist\/index\.js$/)
  })
})
