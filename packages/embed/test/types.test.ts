// The embed's published declarations where they are used: a page's TypeScript and the JSX of
// React, Preact and Vue (issue 10). The declarations are built as `npm run build` builds them
// (this package's tsup config, into a temp folder) and installed with this package.json and
// types/ into a temp project as node_modules/@porchlight/embed, then compiled with
// `skipLibCheck: false`. `@ts-expect-error` lines fail the compile when what they expect to be
// refused is accepted.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Options } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DeclarationsProject,
  declarationsProject,
} from '../../../test/support/declarations-project.ts'
import tsupConfig from '../tsup.config.ts'

const embed = fileURLToPath(new URL('..', import.meta.url))
let project: DeclarationsProject

beforeAll(async () => {
  project = await declarationsProject({
    dir: embed,
    name: '@porchlight/embed',
    build: {
      ...(tsupConfig as Options),
      // Paths in the config are relative to this package; the tests run from the repository root.
      entry: { index: join(embed, 'src/module.ts') },
      dts: { only: true },
    },
    files: ['package.json', 'types'],
    // A page's project: the DOM, and no runtime's declarations.
    compilerOptions: { lib: ['es2022', 'dom', 'dom.iterable'], types: [] },
  })
}, 60_000)

afterAll(() => {
  project?.remove()
})

// Each compile loads the DOM lib, and the frameworks' declarations: seconds on a busy machine.
describe("the embed's declarations in a page", { timeout: 60_000 }, () => {
  it('type the elements, their attributes, their events and install()', () => {
    const code = `
import {
  install,
  type PorchlightEmbed,
  type PorchlightForumAttributes,
  type PorchlightForumElement,
} from '@porchlight/embed'

const porchlight: PorchlightEmbed | null = install({ key: 'pk_…', url: 'https://api.example.com' })
porchlight?.client.auth.onChange((user) => console.log(user?.displayName))
porchlight?.setStrings({ errors: { RATE_LIMITED: 'Slow down.' } })

const forum: PorchlightForumElement | null = document.querySelector('porchlight-forum')
// @ts-expect-error the tag map types the element: not an <input>
const input: HTMLInputElement | null = document.querySelector('porchlight-forum')
document.querySelector('porchlight-auth')?.addEventListener('porchlight:auth', (event) => {
  console.log(event.detail.user?.email)
})
document.querySelector('form')?.addEventListener('porchlight:sent', (event) => {
  console.log(event.detail.id.toUpperCase())
})
document.querySelector('form')?.addEventListener('porchlight:error', (event) => {
  console.log(event.detail.error.code, event.detail.error.fields)
})

export const attributes: PorchlightForumAttributes = { category: 'general', theme: 'dark' }
// @ts-expect-error theme is light or dark
export const wrongTheme: PorchlightForumAttributes = { category: 'general', theme: 'blue' }
// @ts-expect-error category is required
export const noCategory: PorchlightForumAttributes = { theme: 'dark' }
// @ts-expect-error the embed's error strings are keyed by real codes only, besides any string
export const strings: Parameters<PorchlightEmbed['setStrings']>[0] = { errors: { RATE_LIMITED: 1 } }
export { forum, input }
`
    expect(project.compile({}, { 'page.ts': code })).toEqual([])
  })

  it("type the script tag's globals, window.Porchlight and window.PorchlightEmbedStrings", () => {
    const code = `/// <reference types="@porchlight/embed/global" />
window.PorchlightEmbedStrings = { formSent: 'Merci !' }
const site = await window.Porchlight.client.site()
console.log(site.name, window.Porchlight.isPorchlightError(new Error()))
export {}
`
    expect(project.compile({}, { 'script.ts': code })).toEqual([])
  })
})

// React, Preact and Vue: their own declarations decide whether ours merge, so only theirs prove
// it. They are not dependencies of the repository; when none is installed, say so and skip.
const resolveFrom = createRequire(join(embed, 'package.json'))
const frameworkTypes: Record<string, string> = {
  react: '@types/react/package.json',
  preact: 'preact/package.json',
  vue: 'vue/package.json',
}
const installed = Object.entries(frameworkTypes).filter(([, manifest]) => {
  try {
    return existsSync(resolveFrom.resolve(manifest))
  } catch {
    return false
  }
})
if (installed.length < 3) {
  const missing = Object.keys(frameworkTypes).filter((name) => !installed.some(([n]) => n === name))
  console.warn(
    `Skipping the JSX type tests for ${missing.join(', ')}: install @types/react, preact and vue as dev dependencies to run them`,
  )
}

const jsxCases: Record<string, { options: object; code: string; needs: string[] }> = {
  react: {
    needs: ['@types/react/package.json'],
    options: { jsx: 'react-jsx' },
    code: `import type {} from '@porchlight/embed/react'
export const ok = <porchlight-forum category="general" theme="dark" signin-href="/members" poll={30} />
export const bell = <porchlight-notifications href="/forum#thread-{thread}" />
// @ts-expect-error theme is light or dark
export const badTheme = <porchlight-auth theme="blue" />
// @ts-expect-error category is required
export const noCategory = <porchlight-forum />
`,
  },
  preact: {
    needs: ['preact/package.json'],
    options: { jsx: 'react-jsx', jsxImportSource: 'preact' },
    code: `import type {} from '@porchlight/embed/preact'
export const ok = <porchlight-forum category="general" theme="dark" />
// @ts-expect-error view is register or sign-in
export const badView = <porchlight-auth view="settings" />
`,
  },
  vue: {
    needs: ['vue/package.json'],
    options: { jsx: 'react-jsx', jsxImportSource: 'vue' },
    code: `import type {} from '@porchlight/embed/vue'
import type { GlobalComponents } from 'vue'
type ForumProps = InstanceType<GlobalComponents['porchlight-forum']>['$props']
export const props: ForumProps = { category: 'general', theme: 'light', class: 'wide' }
// @ts-expect-error category is required in templates too
export const noCategory: ForumProps = { theme: 'light' }
export const ok = <porchlight-forum category="general" />
// @ts-expect-error theme is light or dark
export const badTheme = <porchlight-forum category="general" theme="blue" />
`,
  },
}

describe.each(Object.entries(jsxCases))(
  'the JSX declarations for %s',
  { timeout: 60_000 },
  (name, jsxCase) => {
    it.skipIf(!installed.some(([framework]) => framework === name))(
      'type the elements and their attributes',
      () => {
        for (const manifest of jsxCase.needs) {
          project.link(dirname(manifest), dirname(resolveFrom.resolve(manifest)))
        }
        expect(project.compile(jsxCase.options, { [`${name}.tsx`]: jsxCase.code })).toEqual([])
      },
    )
  },
)
