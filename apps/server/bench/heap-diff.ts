// `node apps/server/bench/heap-diff.ts <before.heapsnapshot> <after.heapsnapshot> [--top 25]`
//
// What grew between two V8 heap snapshots (the soak writes them with --snapshots): live objects
// grouped by kind and constructor, sorted by how many bytes more the second snapshot holds. A
// leak shows up as a group that grows with the length of the load: compare minute 1 with the
// end of a long soak, where everything that merely warms up (compiled code, first-use caches) is
// already in both.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
})
const [beforePath, afterPath] = positionals
if (!beforePath || !afterPath) {
  console.error('Usage: node apps/server/bench/heap-diff.ts <before> <after> [--top 25]')
  process.exit(1)
}

type Group = { count: number; bytes: number }

/** Live objects of a snapshot, by `kind name` (e.g. `object Request`, `closure send`). */
function groups(path: string): Map<string, Group> {
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
    nodes: number[]
    strings: string[]
  }
  const fields = snapshot.snapshot.meta.node_fields
  const kinds = snapshot.snapshot.meta.node_types[0]
  const width = fields.length
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f))
  const result = new Map<string, Group>()
  const { nodes, strings } = snapshot
  for (let i = 0; i < nodes.length; i += width) {
    const kind = kinds[nodes[i + (typeAt ?? 0)] ?? 0] ?? '?'
    // Strings and numbers are named by their value: grouped by kind alone.
    const named = kind === 'object' || kind === 'closure' || kind === 'native'
    const name = named ? (strings[nodes[i + (nameAt ?? 1)] ?? 0] ?? '?') : ''
    const key = named ? `${kind} ${name.slice(0, 60)}` : kind
    const group = result.get(key) ?? { count: 0, bytes: 0 }
    group.count++
    group.bytes += nodes[i + (sizeAt ?? 3)] ?? 0
    result.set(key, group)
  }
  return result
}

const before = groups(beforePath)
const after = groups(afterPath)
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
  const a = before.get(key) ?? { count: 0, bytes: 0 }
  const b = after.get(key) ?? { count: 0, bytes: 0 }
  return { key, count: b.count - a.count, bytes: b.bytes - a.bytes, total: b.bytes }
})
rows.sort((x, y) => y.bytes - x.bytes)
const total = (m: Map<string, Group>) => [...m.values()].reduce((n, g) => n + g.bytes, 0)
const kb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(1)}`
console.log(
  `live objects: ${(total(before) / 1048576).toFixed(1)} MB → ${(total(after) / 1048576).toFixed(1)} MB\n`,
)
console.log('| group | Δ objects | Δ KB | KB in the second |')
console.log('|---|--:|--:|--:|')
for (const row of rows.slice(0, Number(values.top))) {
  console.log(
    `| ${row.key} | ${row.count >= 0 ? '+' : ''}${row.count} | ${kb(row.bytes)} | ${(row.total / 1024).toFixed(1)} |`,
  )
}
