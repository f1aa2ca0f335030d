import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { killStartedProcesses, signalGroup, startProcess } from '../support/child-processes.ts'
import { freePort } from '../support/free-port.ts'
import { repositoryRoot } from './support/packages.ts'
import { installedProject, type TempProject } from './support/project.ts'
import { run, userEnvironment } from './support/run.ts'

// Issue 10: the published server did not run where it was installed. `npx porchlight --help`
// failed with ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING (its exports and bin pointed at
// TypeScript sources), and /embed.js and /demo/ were read from ../../../../packages, a folder
// only a checkout has. Here the packed tarball runs in an empty folder, as a user runs it.

const packed = inject('packed')
const embedVersion = JSON.parse(
  readFileSync(join(repositoryRoot, 'packages/embed/package.json'), 'utf8'),
).version as string
let project: TempProject

beforeAll(async () => {
  project = await installedProject([packed['@porchlight/server'].tarball])
})
afterAll(() => {
  killStartedProcesses()
  project?.remove()
})

it('`npx porchlight --help` prints the usage', async () => {
  const help = await run('npx', ['porchlight', '--help'], {
    cwd: project.dir,
    env: userEnvironment(),
  })
  expect(help.stderr).toBe('')
  expect(help.code).toBe(0)
  expect(help.stdout).toMatch(/^Usage: porchlight <command> \[options\]/)
  expect(help.stdout).toContain('serve')
})

it('`npx porchlight serve` runs in an empty folder on ./data, serves the script tag, the demo and the API reference, and stops on SIGTERM', async () => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // Nothing but the port: the database, the demo site and the pages take their defaults.
  const served = startProcess('npx', ['porchlight', 'serve'], {
    cwd: project.dir,
    env: { ...userEnvironment(), PORT: String(port) },
    detached: true,
  })
  try {
    await served.until(/"message":"listening"/)
    const publishableKey = (await served.until(/publishable key: (pk_\w+)/))[1] ?? ''
    expect(existsSync(join(project.dir, 'data', 'porchlight.db'))).toBe(true)

    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    // Ready means the migrations, bundled into the build, were applied.
    const ready = await fetch(`${url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })

    for (const path of ['/embed.js', `/embed/${embedVersion}/embed.js`]) {
      const script = await fetch(`${url}${path}`)
      expect(script.status, path).toBe(200)
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript; charset=utf-8$/i)
      expect(await script.text()).toMatch(
        new RegExp(`^/\\*! @porchlight/embed ${embedVersion.replaceAll('.', '\\.')} `),
      )
    }
    const map = await fetch(`${url}/embed.js.map`)
    expect(map.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8$/i)
    expect(await map.json()).toMatchObject({ version: 3 })

    // The demo pages, with the demo site's key filled in.
    const demo = await fetch(`${url}/demo/`)
    expect(demo.status).toBe(200)
    expect(demo.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i)
    expect(await demo.text()).toContain('<title>Porchlight demo site</title>')
    const contact = await (await fetch(`${url}/demo/contact.html`)).text()
    expect(contact).toContain(publishableKey)
    expect(contact).not.toMatch(/__[A-Z_]+__/)
    const style = await fetch(`${url}/demo/style.css`)
    expect(style.status).toBe(200)
    expect(style.headers.get('content-type')).toMatch(/^text\/css; charset=utf-8$/i)

    // The API's document and its reference page, from the package's own files.
    const document = await fetch(`${url}/v1/openapi.json`)
    expect(document.status).toBe(200)
    expect(await document.json()).toMatchObject({
      openapi: '3.1.0',
      servers: [{ url: expect.any(String) }],
    })
    expect((await fetch(`${url}/docs/api`)).status).toBe(200)
    const renderer = await fetch(`${url}/docs/api/swagger-ui-bundle.js`)
    expect(renderer.status).toBe(200)
    expect(await renderer.text()).toContain('SwaggerUIBundle')
  } finally {
    signalGroup(served.child, 'SIGTERM')
  }
  await served.closed
  expect(served.output()).toMatch(/"message":"shutting down","signal":"SIGTERM"/)
  expect(served.output()).not.toMatch(/ERR_|Error:/)
  await expect(fetch(`${url}/healthz`)).rejects.toThrow()
})

it('runs as a service runs it (node_modules/.bin/porchlight, its own working directory) and exits 0 on SIGTERM', async () => {
  const port = await freePort()
  const workingDirectory = join(project.dir, 'service')
  mkdirSync(workingDirectory)
  const served = startProcess(
    process.execPath,
    [join(project.dir, 'node_modules', '.bin', 'porchlight'), 'serve'],
    { cwd: workingDirectory, env: { ...userEnvironment(), PORT: String(port) } },
  )
  try {
    await served.until(/"message":"listening"/)
    expect(existsSync(join(workingDirectory, 'data', 'porchlight.db'))).toBe(true)
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200)
  } finally {
    served.child.kill('SIGTERM')
  }
  expect(await served.exited).toBe(0)
  expect(served.output()).toMatch(/"message":"shutting down","signal":"SIGTERM"/)
})

it('`npx porchlight site create` refuses to make a database, and creates a site in one that exists', async () => {
  // A database of its own, so the order of the tests does not matter.
  const env = { ...userEnvironment(), DATABASE_URL: 'file:./cli/porchlight.db' }
  const create = [
    'porchlight',
    'site',
    'create',
    '--name',
    'My site',
    '--origin',
    'https://example.com',
  ]
  // Before the database exists, it says where it looked instead of making an empty one.
  const refused = await run('npx', create, { cwd: project.dir, env })
  expect(refused.code).not.toBe(0)
  expect(refused.stderr).toContain('DATABASE_NOT_FOUND')
  expect(refused.stderr).toContain('cli/porchlight.db')
  expect(existsSync(join(project.dir, 'cli', 'porchlight.db'))).toBe(false)

  const migrated = await run('npx', ['porchlight', 'migrate'], { cwd: project.dir, env })
  expect(migrated.code).toBe(0)
  const created = await run('npx', create, { cwd: project.dir, env })
  expect(created.stderr).toBe('')
  expect(created.code).toBe(0)
  expect(created.stdout).toMatch(/pk_\w+/)
  expect(created.stdout).toMatch(/sk_\w+/)
})

it("runs the README's library example in plain Node ESM", async () => {
  // The example as the package's README shows it, then a request through the server it started.
  const readme = readFileSync(join(repositoryRoot, 'apps/server/README.md'), 'utf8')
  const example = /## Use it as a library\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1]
  expect(example).toContain("from '@porchlight/server'")
  project.write(
    'library.js',
    `${example}
const { createApp, createDeps } = await import('@porchlight/server')
const health = await fetch(server.url + '/healthz')
const embed = await fetch(server.url + '/embed.js')
await server.close()
console.log(JSON.stringify({
  exports: [typeof createApp, typeof createDeps],
  health: health.status,
  embed: [embed.status, embed.headers.get('content-type')],
}))
`,
  )
  const port = await freePort()
  const result = await run('node', ['library.js'], {
    cwd: project.dir,
    env: {
      ...userEnvironment(),
      PORT: String(port),
      DATABASE_URL: 'file:./library/porchlight.db',
      LOG_LEVEL: 'silent',
    },
  })
  expect(result.stderr).toBe('')
  expect(JSON.parse(result.stdout.split('\n').at(-2) ?? '')).toEqual({
    exports: ['function', 'function'],
    health: 200,
    embed: [200, 'text/javascript; charset=utf-8'],
  })
  expect(result.stdout).toContain(`Porchlight at http://127.0.0.1:${port}`)
})

it('bundles its Worker entry and its assets folder with wrangler, without Node-only modules', async () => {
  const toml = readFileSync(join(repositoryRoot, 'wrangler.toml'), 'utf8')
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1]
  project.write(
    'wrangler.toml',
    `name = "installed-check"
main = "node_modules/@porchlight/server/dist/worker.js"
compatibility_date = "${compatibilityDate}"
compatibility_flags = ["nodejs_compat"]

[assets]
directory = "node_modules/@porchlight/server/dist/public"
binding = "ASSETS"
`,
  )
  const wrangler = join(repositoryRoot, 'node_modules/wrangler/bin/wrangler.js')
  const build = await run(
    process.execPath,
    [wrangler, 'deploy', '--dry-run', '--outdir', 'worker', '--metafile', 'worker/meta.json'],
    { cwd: project.dir, env: { ...userEnvironment(), WRANGLER_SEND_METRICS: 'false' } },
  )
  expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0)
  // The package's dist/public is a folder Workers static assets accept as it is.
  expect(build.stdout).toMatch(/Read \d+ files from the assets directory/)
  expect(build.stdout).toMatch(/env\.ASSETS\s+Assets/)
  const meta = JSON.parse(readFileSync(join(project.dir, 'worker/meta.json'), 'utf8')) as {
    inputs: Record<string, { imports: { path: string; external?: boolean }[] }>
  }
  const bundled = Object.keys(meta.inputs)
  // The Node entry's pieces: the HTTP server, SMTP, the native libSQL driver, files.
  const nodeOnly =
    /node_modules\/(@hono\/node-server|nodemailer|libsql|@libsql\/client\/lib-esm\/node)\b|dist\/public\//
  expect(bundled.filter((path) => nodeOnly.test(path))).toEqual([])
  expect(bundled.some((path) => path.includes('@porchlight/server/dist/worker.js'))).toBe(true)
  const nodeModules = Object.values(meta.inputs)
    .flatMap((input) => input.imports)
    .filter(
      (imported) =>
        imported.external && /^node:(fs|net|http|https|dns|os|child_process)\b/.test(imported.path),
    )
    .map((imported) => imported.path)
  expect(nodeModules).toEqual([])
})
