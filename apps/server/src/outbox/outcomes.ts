import type { BatchItem } from 'drizzle-orm/batch'
import type { Database } from '../db/client.ts'

export interface OutcomeWriter {
  /** Writes one job's outcome; resolves once it is committed, rejects if that write failed. */
  record(update: BatchItem<'sqlite'>): Promise<void>
}

type Waiting = { update: BatchItem<'sqlite'>; done: () => void; failed: (error: unknown) => void }

/**
 * Group commit for the outcomes of a round's jobs. Each write transaction costs a commit however
 * little it changes, and a round's handlers often finish together (one SMTP pool, one API):
 * outcomes that arrive while a write is running go into the next one, a single batch. An outcome
 * never waits for a slower job: the first is written as soon as it is known, so a crash after a
 * send leaves the shortest window for it to be sent again.
 */
export function createOutcomeWriter(db: Database): OutcomeWriter {
  let waiting: Waiting[] = []
  let writing = false

  async function writeAll() {
    writing = true
    try {
      while (waiting.length > 0) {
        const group = waiting
        waiting = []
        const updates = group.map((w) => w.update) as [
          BatchItem<'sqlite'>,
          ...BatchItem<'sqlite'>[],
        ]
        try {
          await db.batch(updates)
          for (const w of group) w.done()
        } catch (error) {
          for (const w of group) w.failed(error)
        }
      }
    } finally {
      writing = false
    }
  }

  return {
    record(update) {
      return new Promise<void>((done, failed) => {
        waiting.push({ update, done, failed })
        if (!writing) void writeAll()
      })
    },
  }
}
