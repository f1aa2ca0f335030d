import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * Gives back the file handles (and locks) of libSQL connections that were closed, in this
 * process, before the call; resolves once they are gone.
 *
 * Why this is needed: libSQL's binding (0.5.x) closes a connection only when the last statement
 * prepared on it is dropped, and a statement object is dropped only when the garbage collector
 * reclaims it (tursodatabase/libsql-js#228). So `close()` on a connection that ever prepared a
 * statement left the database file open, with its shared lock, for as long as the heap stayed
 * quiet: a restore right after a server's shutdown, in the same process, was refused with
 * DATABASE_IN_USE, and every checked backup file stayed open after rotation deleted it. A full
 * collection reclaims every statement nothing refers to any more, and the binding finalizes them
 * on the turn of the event loop after it, which closes their connections.
 *
 * A full collection stops the process for as long as it takes to trace the whole heap (from a few
 * to a few hundred milliseconds), so this is for the rare steps that need the file itself free:
 * a shutdown, a restore, a finished backup check. Callers drop their own references first.
 *
 * @example
 * client.close()
 * await releaseClosedConnections()
 */
export function releaseClosedConnections(): Promise<void> {
  queued ??= (async () => {
    // Leave the caller's stack first: a statement that a caller's frame still holds is reachable.
    await nextTurn()
    // Callers from here on may have closed something after this collection's start: they wait
    // for the next one.
    queued = undefined
    collectGarbage()
    await nextTurn()
  })()
  return queued
}

/** The collection not yet started, which every caller until its start shares. */
let queued: Promise<void> | undefined

let collect: (() => void) | undefined

function collectGarbage() {
  if (!collect) {
    const exposed = (globalThis as { gc?: unknown }).gc
    if (typeof exposed === 'function') {
      collect = exposed as () => void
    } else {
      // V8 gives `gc` to contexts made after this flag is set; the process's own context keeps
      // its globals as they were.
      setFlagsFromString('--expose-gc')
      collect = runInNewContext('gc') as () => void
    }
  }
  collect()
}

function nextTurn() {
  return new Promise<void>((resolve) => setImmediate(resolve))
}
