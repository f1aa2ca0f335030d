import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { repositoryRoot } from './support/packages.ts'
import { installedProject, type TempProject } from './support/project.ts'
import { run, userEnvironment } from './support/run.ts'
import type { PackageManifest } from './support/tarball.ts'
import { type TypeCheckSetup, typeCheck } from './support/typecheck.ts'

// @porchlight/embed as a user installs it. Issue 10: `import '@porchlight/embed'` threw in Node
// (`HTMLElement is not defined`), so a server-rendered app could not import it, and its custom
// elements had no types.

const packed = inject('packed')
const manifest = JSON.parse(
  readFileSync(join(repositoryRoot, 'packages/embed/package.json'), 'utf8'),
) as PackageManifest
/** The version of React's types the JSX check compiles against (React 19). */
const typesReact = '@types/react@19'
let project: TempProject

beforeAll(async () => {
  // With the SDK's tarball where the embed package declares it: the registry does not have
  // this version yet.
  const needsSdk = ['dependencies', 'peerDependencies'].some(
    (field) => '@porchlight/sdk' in (manifest[field as 'dependencies'] ?? {}),
  )
  project = await installedProject([
    packed['@porchlight/embed'].tarball,
    ...(needsSdk ? [packed['@porchlight/sdk'].tarball] : []),
    typesReact,
  ])
})
afterAll(() => project?.remove())

it('imports in Node, where there is no DOM, without throwing or touching the global scope', async () => {
  project.write(
    'server-side.mjs',
    `const embed = await import('@porchlight/embed')
console.log(JSON.stringify({
  install: typeof embed.install,
  page: embed.install({ key: 'pk_test' }),
  global: typeof globalThis.Porchlight,
}))
`,
  )
  const result = await run('node', ['server-side.mjs'], {
    cwd: project.dir,
    env: userEnvironment(),
  })
  expect(result.stderr).toBe('')
  // Without a page, install() does nothing and says so.
  expect(JSON.parse(result.stdout)).toEqual({
    install: 'function',
    page: null,
    global: 'undefined',
  })
})

it('carries the script tag bundle at the path its CDN fields name', async () => {
  const result = await run(
    'node',
    ['--input-type=module', '-e', "console.log(import.meta.resolve('@porchlight/embed/embed.js'))"],
    { cwd: project.dir, env: userEnvironment() },
  )
  expect(result.stderr).toBe('')
  const file = new URL(result.stdout.trim())
  expect(
    file.pathname.endsWith(
      `/node_modules/@porchlight/embed/${manifest.unpkg?.replace(/^\.\//, '')}`,
    ),
  ).toBe(true)
  expect(readFileSync(file, 'utf8')).toMatch(/^\/\*! @porchlight\/embed /)
})

const setups: TypeCheckSetup[] = [
  {
    name: 'nodenext-dom',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    lib: ['es2022', 'dom'],
    types: [],
    include: ['elements.ts', 'react.tsx'],
    jsx: 'react-jsx',
  },
  {
    name: 'bundler-dom',
    module: 'preserve',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom'],
    types: [],
    include: ['elements.ts', 'react.tsx'],
    jsx: 'react-jsx',
  },
]

it.each(setups.map((setup) => [setup.name, setup] as const))(
  'types the elements, their events and their JSX for a project with %s',
  async (_name, setup) => {
    project.write(
      'elements.ts',
      `import { type EmbedOptions, install } from '@porchlight/embed'

// Indexing HTMLElementTagNameMap by the tag fails to compile unless the package adds it.
export const forum: HTMLElementTagNameMap['porchlight-forum'] | null =
  document.querySelector('porchlight-forum')
document.body.addEventListener('porchlight:sent', (event) => console.log(event.detail.id))
const options: EmbedOptions = { key: 'pk_test', url: 'https://api.example.com' }
export const page = install(options)
// @ts-expect-error: the site's key is required (the types are real, not any)
install({ url: 'https://api.example.com' })
`,
    )
    project.write(
      'react.tsx',
      `import type {} from '@porchlight/embed/react'

export const forum = <porchlight-forum category="general" signin-href="/members" />
// @ts-expect-error: <porchlight-forum> needs its category
export const missing = <porchlight-forum />
`,
    )
    expect(await typeCheck(project.dir, setup)).toBe('')
  },
)
