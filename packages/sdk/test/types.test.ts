// The SDK's published declarations in the projects that use them (issue 10: a server-only
// TypeScript project failed on `HTMLFormElement`). The declarations are built as `npm run build`
// builds them (this package's tsup config, into a temp folder), installed into a temp project as
// node_modules/@porchlight/sdk with this package.json, and compiled by the TypeScript compiler
// with `skipLibCheck: false`, so an error inside them fails too. Each project's code also holds
// `@ts-expect-error` lines: the compiler fails if what they expect to be refused is accepted.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Options } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DeclarationsProject,
  declarationsProject,
} from '../../../test/support/declarations-project.ts'
import tsupConfig from '../tsup.config.ts'

const sdk = fileURLToPath(new URL('..', import.meta.url))
const repoModules = fileURLToPath(new URL('../../../node_modules/', import.meta.url))
let project: DeclarationsProject

beforeAll(async () => {
  // The first build of the config is the npm one (ESM, CJS and declarations).
  const [npmBuild] = tsupConfig as Options[]
  const dts = npmBuild?.dts as { entry: string[] }
  // Paths in the config are relative to this package; the tests run from the repository root.
  const here = (entries: string[]) => entries.map((entry) => join(sdk, entry))
  project = await declarationsProject({
    dir: sdk,
    name: '@porchlight/sdk',
    build: {
      ...npmBuild,
      entry: here(npmBuild?.entry as string[]),
      dts: { ...dts, entry: here(dts.entry), only: true },
      clean: false,
    },
    files: ['package.json'],
  })
  // The runtimes' own declarations, as a project would install them.
  for (const types of ['@types/node', '@cloudflare/workers-types']) {
    project.link(types, join(repoModules, types))
  }
}, 60_000)

afterAll(() => {
  project?.remove()
})

// What a server does with the SDK: a client per process with its own memory, each member's
// cookie forwarded per call, codes narrowed. No DOM, no runtime declarations at all.
const serverCode = `
import { createClient, isPorchlightError, memoryStorage, type ErrorCode } from '@porchlight/sdk'

export async function render(cookie: string): Promise<string> {
  const client = createClient({ url: 'https://api.example.com', key: 'pk_…', storage: memoryStorage() })
  try {
    const session = await client.auth.getSession({ headers: { cookie } })
    const { items } = await client.forum.threads('general', { headers: { cookie }, limit: 20 })
    await client.contactForm.submit('contact', new Map([['email', 'ada@example.com']]))
    return \`\${session?.account.displayName}: \${items.length}\`
  } catch (error) {
    if (!isPorchlightError(error)) throw error
    if (error.code === 'RATE_LIMITED') return \`wait \${error.retryAfter}\`
    const messages: { [Code in ErrorCode]?: string } = { SLOW_MODE: 'Slow down', TIMEOUT: 'Later' }
    const future: string = error.code // a code newer than this SDK is still a string
    return messages[error.code as ErrorCode] ?? future
  }
}

// @ts-expect-error a code no server sends
export const wrong: ErrorCode = 'INVALID_KEY'
`

// Each compile loads whole libraries (@types/node, workers-types): seconds on a busy machine.
describe("the SDK's declarations", { timeout: 60_000 }, () => {
  it('compile in a server-only project: lib es2022, no DOM, no runtime types at all', () => {
    expect(project.compile({ lib: ['es2022'], types: [] }, { 'server.ts': serverCode })).toEqual([])
  })

  it('compile with Node types, where fetch, AbortSignal and FormData are the runtime’s', () => {
    const code = `${serverCode}
export async function withNode() {
  const client = createClient({ url: 'https://api.example.com', key: 'pk_…', fetch: globalThis.fetch })
  await client.site({ signal: AbortSignal.timeout(2000) })
  await client.request('GET', '/v1/site', { onResponse: (response) => response.headers.get('ETag') })
  await client.contactForm.submit('contact', new URLSearchParams({ email: 'ada@example.com' }))
  const data = new FormData()
  await client.contactForm.submit('contact', data)
}
`
    expect(project.compile({ lib: ['es2022'], types: ['node'] }, { 'server.ts': code })).toEqual([])
  })

  it('compile from CommonJS, through the require condition', () => {
    const code = `
import sdk = require('@porchlight/sdk')
const client = sdk.createClient({ url: 'https://api.example.com', key: 'pk_…' })
export = client.forum.categories({ headers: { cookie: 'porchlight_session=…' } })
`
    expect(project.compile({ lib: ['es2022'], types: [] }, { 'server.cts': code })).toEqual([])
  })

  it('compile on Cloudflare Workers, with workers-types', () => {
    const code = `
import { createClient } from '@porchlight/sdk'
export default {
  async fetch(request: Request): Promise<Response> {
    const client = createClient({ url: 'https://api.example.com', key: 'pk_…', fetch })
    const cookie = request.headers.get('cookie') ?? ''
    await client.contactForm.submit('contact', await request.formData(), {
      headers: { cookie },
      signal: AbortSignal.timeout(5000),
    })
    return new Response('ok')
  },
}
`
    expect(
      project.compile(
        { lib: ['es2022'], types: ['@cloudflare/workers-types'] },
        { 'worker.ts': code },
      ),
    ).toEqual([])
  })

  it('compile in a page, where a <form> is accepted and the script tag’s global is typed', () => {
    const code = `/// <reference types="@porchlight/sdk/global" />
import { createContactForm } from '@porchlight/sdk'
const contactForm = createContactForm({ url: 'https://api.example.com', key: 'pk_…' })
const form = document.querySelector('form')
if (form) await contactForm.submit('contact', form)
const client = window.Porchlight.createClient({ url: location.origin, key: 'pk_…' })
client.auth.onChange((user) => console.log(user?.displayName))
await client.auth.handleEmailLink(location)
export {}
`
    expect(
      project.compile({ lib: ['es2022', 'dom', 'dom.iterable'], types: [] }, { 'page.ts': code }),
    ).toEqual([])
  })

  it('refuse a <form> where there is no DOM: there is none to pass', () => {
    const code = `
import { createContactForm } from '@porchlight/sdk'
declare const notAForm: { action: string; elements: unknown }
createContactForm({ url: 'https://api.example.com', key: 'pk_…' }).submit('contact', notAForm)
`
    const errors = project.compile({ lib: ['es2022'], types: [] }, { 'form.ts': code })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^\/form\.ts:4: Argument of type/)
  })
})
