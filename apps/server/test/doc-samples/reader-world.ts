// What a reader of one document has in front of them: a fresh folder where `npm start` runs (the
// real Node server on a socket, over ./data/porchlight.db, with the demo site its first start
// makes), the real CLI run in that folder, and `curl` lines sent as the requests they describe.
// Each document gets a world of its own, as each reader starts from their own clone.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { type NodeServer, startNodeServer } from '../../src/entry/node.ts'
import { createLogger } from '../../src/logger.ts'
import { createDemoSite } from '../../src/sites/demo-site.ts'
import { type CliResult, runCliProcess } from '../helpers/cli.ts'
import { fastPasswords } from '../helpers/members.ts'
import { type CommandLine, curlRequest } from '../helpers/readme-commands.ts'

export type ReaderWorld = Awaited<ReturnType<typeof startReaderWorld>>

/** The addresses documents give the local server; the world's own replaces them. */
const documentedServers = ['http://localhost:8787', 'http://127.0.0.1:8787']

/**
 * Starts the server in a new folder and makes the demo site, as the first `npm start` does;
 * `env` adds to the server's environment.
 * `placeholders` maps a document's placeholder (`sk_…`, `sub_…`) to the value it stands for in
 * this world; `fill` refuses a word that still holds one.
 *
 * @example
 * const world = await startReaderWorld()
 * const { status, body } = await world.curl(commandLines(block.code)[0] as CommandLine)
 */
export async function startReaderWorld(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-doc-'))
  const server: NodeServer = await startNodeServer({
    config: {
      ...loadConfig({ ...env, DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}` }),
      port: 0,
    },
    log: createLogger({ level: 'silent' }),
    // Cheap scrypt: the documents' samples are about what is stored, not the cost of hashing.
    passwords: fastPasswords,
  })
  const demo = await createDemoSite(server.deps, server.url)
  const placeholders = new Map<string, string>()

  const fill = (word: string) => {
    // A placeholder that is a whole word (`'…'` for a password) is replaced only as one.
    if (word === '…' && placeholders.has('…')) return placeholders.get('…') as string
    let filled = word
    for (const documented of documentedServers) filled = filled.replaceAll(documented, server.url)
    for (const [placeholder, value] of placeholders) {
      if (placeholder !== '…') filled = filled.replaceAll(placeholder, value)
    }
    if (filled.includes('…')) throw new Error(`no value yet for a placeholder in "${word}"`)
    return filled
  }

  return {
    dir,
    server,
    demo,
    placeholders,
    /** `npx porchlight …` in the reader's folder: the real CLI, its own process. */
    async cli(line: CommandLine): Promise<CliResult> {
      expect(line.words.slice(0, 2), line.text).toEqual(['npx', 'porchlight'])
      return runCliProcess(line.words.slice(2).map(fill), {
        cwd: dir,
        env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
      })
    },
    /** A `curl` line, sent to this world's server; the answer, its body read as JSON if any. */
    async curl(line: CommandLine): Promise<{ status: number; body: unknown }> {
      const { url, init } = curlRequest(line.words.map(fill))
      const response = await fetch(url, init)
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : null }
    },
    /** A request of the test's own, between samples, as a reader's page or tool would send it. */
    api(path: string, init: RequestInit = {}) {
      return fetch(`${server.url}${path}`, init)
    },
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
