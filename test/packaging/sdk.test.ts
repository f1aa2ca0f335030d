import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadConfig } from '../../apps/server/src/config.ts'
import { type NodeServer, startNodeServer } from '../../apps/server/src/entry/node.ts'
import { createLogger } from '../../apps/server/src/logger.ts'
import { createSite } from '../../apps/server/src/sites/service.ts'
import { repositoryRoot } from './support/packages.ts'
import { installedProject, type TempProject } from './support/project.ts'
import { run, userEnvironment } from './support/run.ts'
import { type TypeCheckSetup, typeCheck } from './support/typecheck.ts'

// @porchlight/sdk as a user installs it: loaded from ESM and from CommonJS, talking to a real
// Porchlight server, and type-checked under each module resolution a project may use, with and
// without the DOM lib. Issue 10: its types needed the DOM lib (HTMLFormElement in a server-only
// project failed) and `@porchlight/sdk/global` had none.

const packed = inject('packed')
const typesNode = JSON.parse(
  readFileSync(join(repositoryRoot, 'node_modules/@types/node/package.json'), 'utf8'),
).version as string
let project: TempProject
let server: NodeServer
let dataDir: string
let publishableKey: string

beforeAll(async () => {
  const installing = installedProject([
    packed['@porchlight/sdk'].tarball,
    `@types/node@${typesNode}`,
  ])
  dataDir = mkdtempSync(join(tmpdir(), 'porchlight-sdk-server-'))
  const config = loadConfig({ DATABASE_URL: `file:${join(dataDir, 'porchlight.db')}` })
  server = await startNodeServer({
    config: { ...config, port: 0 },
    log: createLogger({ level: 'silent' }),
  })
  publishableKey = (await createSite(server.deps, { name: 'Installed SDK', origins: [] }))
    .publishableKey
  project = await installing
  project.write(
    'use.mjs',
    `import { createClient, isPorchlightError } from '@porchlight/sdk'
${useScript}`,
  )
  project.write(
    'use.cjs',
    `const { createClient, isPorchlightError } = require('@porchlight/sdk')
;(async () => {
${useScript}
})()`,
  )
})
afterAll(async () => {
  await server?.close()
  project?.remove()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** Reads the site with the key given, then with a key that does not exist. */
const useScript = `const [url, key] = process.argv.slice(2)
const site = await createClient({ url, key }).site()
const refused = await createClient({ url, key: 'pk_doesnotexist' }).site().catch((error) => error)
console.log(JSON.stringify({
  site: site.name,
  refused: isPorchlightError(refused) ? [refused.status, refused.code] : String(refused),
}))`

describe.each([
  ['an ES module', 'use.mjs'],
  ['CommonJS', 'use.cjs'],
])('loaded from %s', (_kind, script) => {
  it('reads the site from a real server, and reports its error codes', async () => {
    const result = await run('node', [script, server.url, publishableKey], {
      cwd: project.dir,
      env: userEnvironment(),
    })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      site: 'Installed SDK',
      refused: [401, 'INVALID_PUBLISHABLE_KEY'],
    })
  })
})

describe('types', () => {
  beforeAll(() => {
    project.write(
      'esm.ts',
      `import { createClient, isPorchlightError, type SiteInfo } from '@porchlight/sdk'

const client = createClient({ url: 'https://api.example.com', key: 'pk_test' })
export const site: Promise<SiteInfo> = client.site()
export function codeOf(error: unknown): string | undefined {
  return isPorchlightError(error) ? error.code : undefined
}
// @ts-expect-error: a client needs the API's URL (the types are real, not any)
createClient({ key: 'pk_test' })
`,
    )
    project.write(
      'commonjs.cts',
      `import sdk = require('@porchlight/sdk')

const client = sdk.createClient({ url: 'https://api.example.com', key: 'pk_test' })
export const site: Promise<sdk.SiteInfo> = client.site()
// @ts-expect-error: a client needs the API's URL
sdk.createClient({ key: 'pk_test' })
`,
    )
    project.write(
      'script-tag.ts',
      `/// <reference types="@porchlight/sdk/global" />
// A page that loads dist/porchlight.global.js with a script tag, and uses the global it sets.
const client = Porchlight.createClient({ url: 'https://api.example.com', key: 'pk_test' })
export const site: Promise<{ id: string; name: string }> = client.site()
// @ts-expect-error: a client needs the API's URL
Porchlight.createClient({ key: 'pk_test' })
`,
    )
  })

  const node = { lib: ['es2022'], types: ['node'] }
  const browser = { lib: ['es2022', 'dom'], types: [] }
  const setups: TypeCheckSetup[] = [
    ...(['node16', 'nodenext'] as const).flatMap((resolution) => [
      {
        name: `${resolution}-node`,
        module: resolution,
        moduleResolution: resolution,
        ...node,
        include: ['esm.ts', 'commonjs.cts', 'script-tag.ts'],
      },
      {
        name: `${resolution}-dom`,
        module: resolution,
        moduleResolution: resolution,
        ...browser,
        include: ['esm.ts', 'commonjs.cts', 'script-tag.ts'],
      },
    ]),
    {
      name: 'bundler-node',
      module: 'preserve',
      moduleResolution: 'bundler',
      ...node,
      include: ['esm.ts', 'script-tag.ts'],
    },
    {
      name: 'bundler-dom',
      module: 'preserve',
      moduleResolution: 'bundler',
      ...browser,
      include: ['esm.ts', 'script-tag.ts'],
    },
    // Neither the DOM nor Node's types: a Workers or Deno project with its own runtime types.
    {
      name: 'bundler-bare',
      module: 'preserve',
      moduleResolution: 'bundler',
      lib: ['es2022'],
      types: [],
      include: ['esm.ts', 'script-tag.ts'],
    },
  ]

  it.each(setups.map((setup) => [setup.name, setup] as const))(
    'compile for a project with %s',
    async (_name, setup) => {
      expect(await typeCheck(project.dir, setup)).toBe('')
    },
  )
})
