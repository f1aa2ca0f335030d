// The documents' code samples cannot drift (issue 15, item 9): every block of docs/*.md, the
// embed's, the examples' and the server package's READMEs is in doc-samples/catalogue.ts, which
// says what becomes of it. Here: the catalogue matches the documents, the TypeScript samples
// type-check against the SDK, and the samples that are neither commands nor page code run (the
// library entry, the error envelope, the configuration error). The command samples run in
// doc-samples-commands.test.ts, against a real server and the real CLI.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  removeSampleFiles,
  runSample,
  sampleModules,
  sampleScope,
  typeErrors,
} from '../../../packages/sdk/test/readme-sample-modules.ts'
import { freePort } from '../../../test/support/free-port.ts'
import type { NodeServer } from '../src/entry/node.ts'
import { coverage, documentBlocks, repo } from './doc-samples/catalogue.ts'
import { type ReaderWorld, startReaderWorld } from './doc-samples/reader-world.ts'
import { runCliProcess } from './helpers/cli.ts'
import { bearer } from './helpers/http.ts'
import { commandLines } from './helpers/readme-commands.ts'

const blocks = documentBlocks()
const block = (key: string) => {
  const found = blocks.get(key)
  if (!found) throw new Error(`no sample ${key}`)
  return found
}

describe('the catalogue of the documents’ samples', () => {
  it('lists every sample of every document, and no sample that is gone', () => {
    expect([...blocks.keys()].sort()).toEqual(Object.keys(coverage).sort())
  })

  it('lists as not run only commands its run samples have', () => {
    const stale = Object.entries(coverage).flatMap(([key, how]) => {
      if (!('run' in how) || !how.except) return []
      const texts = commandLines(block(key).code).map((line) => line.text.replace(/\s+#.*$/, ''))
      return Object.keys(how.except).filter((command) => !texts.includes(command))
    })
    expect(stale).toEqual([])
  })

  it('names only tests that exist, wherever it says where a sample runs', () => {
    const named = JSON.stringify(coverage).match(/[\w./-]+\.test\.ts/g) ?? []
    expect(named.length).toBeGreaterThan(5)
    expect(named.filter((file) => !existsSync(join(repo, file)))).toEqual([])
  })
})

describe('the TypeScript samples', () => {
  // What the documents' prose takes for granted, declared for the type check.
  const prelude: Record<string, string> = {
    email: 'declare const email: string',
    password: 'declare const password: string',
    displayName: 'declare const displayName: string',
    render: 'declare function render(view: unknown): void',
  }

  it.each(
    Object.entries(coverage)
      .filter(([, how]) => 'typeChecked' in how)
      .map(([key]) => key),
  )('%s type-checks against the SDK', { timeout: 60_000 }, (key) => {
    const sample = block(key)
    expect(['ts', 'js']).toContain(sample.lang)
    expect(typeErrors(sampleModules([sample]), prelude, sample.file)).toEqual([])
  })
})

describe('apps/server/README.md, Use it as a library', () => {
  let dir: string
  const names = ['PORT', 'DATABASE_URL', 'LOG_LEVEL'] as const
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]))
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'porchlight-doc-library-'))
    // The environment the sample's loadConfig(process.env) reads: a free port, a temp database.
    Object.assign(process.env, {
      PORT: String(await freePort()),
      DATABASE_URL: `file:${join(dir, 'porchlight.db')}`,
      LOG_LEVEL: 'silent',
    })
  })
  afterAll(() => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
    removeSampleFiles()
    rmSync(dir, { recursive: true, force: true })
  })

  it('starts a server through the package entry, which answers, and closes it', async () => {
    const [module] = sampleModules([block('apps/server/README.md § Use it as a library #1')])
    const source = join(repo, 'apps/server/src/index.ts')
    // The package's entry, as its sources: the published build is the same file, compiled.
    await runSample(module as NonNullable<typeof module>, 'apps/server/README.md', (code) =>
      code.replaceAll(`'@porchlight/server'`, JSON.stringify(source)),
    )
    const server = sampleScope().server as NodeServer
    try {
      expect(new URL(server.url).port).toBe(process.env.PORT)
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' })
    } finally {
      // The sample's "later:" line.
      await server.close()
    }
  })
})

describe('samples that show what the server says', () => {
  let world: ReaderWorld
  beforeAll(async () => {
    world = await startReaderWorld()
  }, 60_000)
  afterAll(() => world?.close())

  it('docs/api.md: the envelope, as a refused origin and an unknown field get it', async () => {
    const response = await world.api('/v1/admin/origins', {
      method: 'POST',
      headers: { ...bearer(world.demo.secretKey), 'content-type': 'application/json' },
      body: JSON.stringify({ origin: 'example.com', extra: 1 }),
    })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual(JSON.parse(block('docs/api.md § Conventions #1').code))
  })

  it('docs/configuration.md: porchlight serve with PORT=70000 says so, and nothing else', async () => {
    const { code, err } = await runCliProcess(['serve'], {
      cwd: world.dir,
      env: { PATH: process.env.PATH, PORT: '70000' },
    })
    expect(code).not.toBe(0)
    expect(err).toBe(block('docs/configuration.md § Configuration #1').code.trim())
  })
})
