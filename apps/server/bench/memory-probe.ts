// Preloaded (`node --expose-gc --import`) into the server the soak starts; nothing of it is in
// the product. Over the IPC channel only the bench parent holds (no HTTP route, nothing a
// client can reach), it answers:
//
//   { type: 'memory' }                 → collect garbage, then report process.memoryUsage()
//   { type: 'snapshot', path: string } → write a V8 heap snapshot to `path`
import { readFileSync } from 'node:fs'
import { getHeapCodeStatistics, getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8'

export type MemoryReport = {
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  /** V8's code and bytecode, which grows as more code is compiled, then settles. */
  code: number
  /** Each V8 heap space: bytes reserved, and bytes of live objects in it. */
  spaces: Record<string, { size: number; used: number }>
  /** Resident memory outside mapped files (heaps of V8 and of native code), Linux only. */
  rssAnon: number | undefined
}

type ProbeMessage = { type: 'memory'; id: number } | { type: 'snapshot'; id: number; path: string }

const gc = (globalThis as { gc?: () => void }).gc

process.on('message', (message: ProbeMessage) => {
  if (message.type === 'memory') {
    if (!gc) throw new Error('memory-probe needs node --expose-gc')
    // Twice: the first pass runs finalizers (native statements, sockets) whose memory the
    // second one can then reclaim.
    gc()
    gc()
    const usage = process.memoryUsage()
    const code = getHeapCodeStatistics()
    const report: MemoryReport = {
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
      code: code.code_and_metadata_size + code.bytecode_and_metadata_size,
      spaces: Object.fromEntries(
        getHeapSpaceStatistics().map((space) => [
          space.space_name,
          { size: space.space_size, used: space.space_used_size },
        ]),
      ),
      rssAnon: statusKilobytes('RssAnon'),
    }
    process.send?.({ id: message.id, report })
  } else if (message.type === 'snapshot') {
    gc?.()
    process.send?.({ id: message.id, path: writeHeapSnapshot(message.path) })
  }
})
// The channel must not keep a server alive that is otherwise done.
process.channel?.unref()

/** A `kB` figure of /proc/self/status, in bytes; undefined where there is no such file. */
function statusKilobytes(field: string): number | undefined {
  try {
    const match = readFileSync('/proc/self/status', 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
    )
    return match ? Number(match[1]) * 1024 : undefined
  } catch {
    return undefined
  }
}
