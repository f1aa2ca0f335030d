// `node apps/server/bench/profile-summary.ts <file.cpuprofile> [--top 25]`
//
// Where a server spent its CPU time during `npm run bench -- --profile <dir>`: self time grouped
// by where the code comes from (our sources, each package, Node itself), then the top functions.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    // Startup (loading and compiling modules) is not request work.
    skip: { type: 'string', default: '0' },
  },
})
const file = positionals[0]
if (!file) {
  console.error(
    'usage: node apps/server/bench/profile-summary.ts <file.cpuprofile> [--top 25] [--skip <s>]',
  )
  process.exit(1)
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile

// Self time of each node from the samples themselves, so the first --skip seconds can be left out.
const selfMs = new Map<number, number>()
const skipUs = Number(values.skip) * 1e6
let at = 0
for (const [i, id] of profile.samples.entries()) {
  const delta = profile.timeDeltas[i] ?? 0
  at += delta
  if (at >= skipUs) selfMs.set(id, (selfMs.get(id) ?? 0) + delta / 1000)
}

/** `src/http/site.ts`, `hono`, `@libsql/client`, `node:internal`, or a V8 pseudo-frame. */
function origin({ url, functionName }: ProfileNode['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return url
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (inPackage?.[1]) return inPackage[1]
  const ours = /\/apps\/server\/(.+)$/.exec(url)
  return ours?.[1] ?? url
}

const byOrigin = new Map<string, number>()
const byFunction = new Map<string, number>()
let busy = 0
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0
  if (ms === 0) continue
  const from = origin(node.callFrame)
  const group =
    from.startsWith('src/') || from.startsWith('bench/')
      ? 'porchlight sources'
      : from.startsWith('node:')
        ? 'node (built in)'
        : from
  byOrigin.set(group, (byOrigin.get(group) ?? 0) + ms)
  const file = node.callFrame.url
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/apps\/server\//, '')
  const name = `${node.callFrame.functionName || '(anonymous)'}  ${file || from}:${node.callFrame.lineNumber + 1}`
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
  if (node.callFrame.functionName !== '(idle)') busy += ms
}

const print = (title: string, entries: Map<string, number>, limit: number) => {
  console.log(`\n${title}`)
  for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    const share = name.startsWith('(idle)') ? '' : `${((ms / busy) * 100).toFixed(1)}%`.padStart(6)
    console.log(`${ms.toFixed(0).padStart(8)} ms ${share}  ${name}`)
  }
}
console.log(`${file}: ${busy.toFixed(0)} ms busy (shares below are of busy time)`)
print('self time by origin', byOrigin, 20)
print('self time by function', byFunction, Number(values.top))
