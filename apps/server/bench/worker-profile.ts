// `node apps/server/bench/worker-profile.ts [--row healthz|site|threads|posts|submission]
//   [--database d1|libsql-http] [--seconds 10] [--out worker.cpuprofile]`
//
// Where a Worker request's CPU goes inside workerd: serves the production bundle as the Worker
// rows do (bench/worker-sides.ts, the 1,000-post bench forum), loads it with one row's requests,
// and records a CPU profile of the Worker's isolate through workerd's DevTools inspector. The
// bundle is minified, so each frame is named through the bundle's source map (source file,
// line, original name) before the profile is written; read it with
// `node apps/server/bench/profile-summary.ts <out>`. Only the isolate's JavaScript is sampled:
// workerd's own HTTP handling and D1's SQLite run outside it and show as idle time here, while
// the Worker rows' /proc figures count them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildWorkerBundle } from '../test/worker/worker-bundle.ts'
import { cachedForum, defaultCacheDir } from './forum-cache.ts'
import { seedOptions } from './forum-seed.ts'
import { measure } from './load.ts'
import { freePort } from './processes.ts'
import { addOpenForm, rowRequests, type WorkerRowName, workerRowNames } from './worker-rows.ts'
import { startWorkerSide, type WorkerDatabaseKind } from './worker-sides.ts'

const rowsByName: Record<string, WorkerRowName> = {
  healthz: workerRowNames[0],
  site: workerRowNames[1],
  threads: workerRowNames[2],
  posts: workerRowNames[3],
  submission: workerRowNames[4],
}

const { values } = parseArgs({
  options: {
    row: { type: 'string', default: 'healthz' },
    database: { type: 'string', default: 'd1' },
    seconds: { type: 'string', default: '10' },
    out: { type: 'string', default: 'worker.cpuprofile' },
  },
})
const row = rowsByName[values.row]
const database = values.database as WorkerDatabaseKind
const seconds = Number(values.seconds)
if (!row || !['d1', 'libsql-http'].includes(database) || !(seconds > 0)) {
  console.error(
    `usage: --row ${Object.keys(rowsByName).join('|')} --database d1|libsql-http --seconds <n> --out <file>`,
  )
  process.exit(2)
}

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number }
type Profile = { nodes: { callFrame: CallFrame }[] }

/** One DevTools session with the Worker's isolate: send a method, await its result. */
async function inspect(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as {
    title: string
    webSocketDebuggerUrl: string
  }[]
  // miniflare's own workers (the assets router, the entry) are there too; ours is named.
  const target = targets.find((t) => t.title.includes('porchlight')) ?? targets[0]
  if (!target) throw new Error('workerd lists no isolate to inspect')
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((ok, fail) => {
    socket.addEventListener('open', ok, { once: true })
    socket.addEventListener('error', fail, { once: true })
  })
  let next = 0
  const waiting = new Map<number, (result: unknown) => void>()
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown }
    if (message.id !== undefined) waiting.get(message.id)?.(message.result)
  })
  return {
    send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      const id = ++next
      socket.send(JSON.stringify({ id, method, params }))
      return new Promise((ok) => waiting.set(id, ok as (result: unknown) => void))
    },
    close: () => socket.close(),
  }
}

/** Names each frame of the bundle by its source: `src/http/site.ts`, a package, and its name. */
function mapFrames(profile: Profile, map: SourceMap, bundleName: string) {
  for (const { callFrame } of profile.nodes) {
    if (!callFrame.url.endsWith(bundleName)) continue
    const entry = map.findEntry(callFrame.lineNumber, callFrame.columnNumber) as {
      originalSource?: string
      originalLine?: number
      name?: string
    }
    if (!entry.originalSource) continue
    callFrame.url = entry.originalSource.replace(/^.*?(node_modules\/|apps\/server\/)/, '/$1')
    callFrame.lineNumber = entry.originalLine ?? 0
    callFrame.functionName = entry.name ?? callFrame.functionName
  }
}

const dir = mkdtempSync(join(tmpdir(), 'porchlight-worker-profile-'))
try {
  const bundle = await buildWorkerBundle(database === 'd1' ? 'd1' : 'turso')
  const forum = await cachedForum(seedOptions(1000), defaultCacheDir, (l) => console.error(l))
  const source = join(dir, 'source.db')
  writeFileSync(source, readFileSync(forum.path))
  const requests = rowRequests(await addOpenForm(source, forum.manifest.site), forum.manifest)
  const inspectorPort = await freePort()
  const side = await startWorkerSide({
    bundle,
    database,
    source,
    dir,
    logLevel: 'warn',
    inspectorPort,
  })
  try {
    const request = requests[row]
    const connections = row === workerRowNames[4] ? 4 : 10
    // Warm first, so the profile holds requests, not the isolate's compilation.
    await measure(side.url, request, { connections, warmup: null, measured: { seconds: 3 } }, () =>
      side.cpuSeconds(),
    )
    const session = await inspect(inspectorPort)
    await session.send('Profiler.enable')
    await session.send('Profiler.setSamplingInterval', { interval: 100 })
    await session.send('Profiler.start')
    const m = await measure(
      side.url,
      request,
      { connections, warmup: null, measured: { seconds } },
      () => side.cpuSeconds(),
    )
    const { profile } = await session.send<{ profile: Profile }>('Profiler.stop')
    session.close()
    const map = new SourceMap(
      JSON.parse(readFileSync(join(bundle.dir, `${bundle.mainModule}.map`), 'utf8')),
    )
    mapFrames(profile, map, bundle.mainModule)
    const out = resolve(values.out)
    writeFileSync(out, JSON.stringify(profile))
    console.log(
      `${row} on ${database}: ${m.total} responses, ${Math.round(m.cpuPerRequest)} µs of workerd CPU each (profiling on); profile in ${out}`,
    )
  } finally {
    await side.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
