import { and, inArray, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { outbox } from '../db/schema.ts'

export interface OutcomeWriter {
  /** Records that job `id` was delivered; resolves once committed, rejects if that write failed. */
  delivered(id: string): Promise<void>
  /** Writes another outcome of one job (a retry, a dead job), with the same promise. */
  record(update: BatchItem<'sqlite'>): Promise<void>
}

type Waiting = {
  /** Set for a delivered job: these are marked together, by one statement. */
  deliveredId?: string
  update?: BatchItem<'sqlite'>
  done: () => void
  failed: (error: unknown) => void
}

/**
 * Group commit for the outcomes of a round's jobs. Each write transaction costs a commit however
 * little it changes, and a round's handlers often finish together (one SMTP pool, one API, one
 * file for the development mailbox): outcomes known in the same turn of the event loop go into
 * one batch, the delivered ones as a single `UPDATE … WHERE id IN (…)`, and those that arrive
 * while a write runs into the next one. An outcome never waits for a slower job: it is written
 * as soon as the turn it became known in ends, so a crash after a send leaves the shortest window
 * for it to be sent again.
 */
export function createOutcomeWriter(db: Database, clock: Clock): OutcomeWriter {
  let waiting: Waiting[] = []
  let writing = false

  function statementsFor(group: Waiting[]): BatchItem<'sqlite'>[] {
    const ids = group.flatMap((w) => (w.deliveredId === undefined ? [] : [w.deliveredId]))
    const now = clock.now()
    const marked = db
      .update(outbox)
      .set({
        status: 'delivered',
        deliveredAt: now,
        leaseUntil: null,
        lastError: null,
        updatedAt: now,
      })
      // `+status`: looked up by id. Left to itself, SQLite may read every job being sent through
      // the status index instead, once the list has a few ids.
      .where(and(inArray(outbox.id, ids), sql`+${outbox.status} = 'sending'`))
    return [
      ...(ids.length > 0 ? [marked] : []),
      ...group.flatMap((w) => (w.update ? [w.update] : [])),
    ]
  }

  async function writeAll() {
    try {
      // The rest of this turn's handlers finish first and join the batch.
      await new Promise((resolve) => setTimeout(resolve, 0))
      while (waiting.length > 0) {
        const group = waiting
        waiting = []
        try {
          await db.batch(statementsFor(group) as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
          for (const w of group) w.done()
        } catch (error) {
          for (const w of group) w.failed(error)
        }
      }
    } finally {
      writing = false
    }
  }

  function enqueue(outcome: Omit<Waiting, 'done' | 'failed'>) {
    return new Promise<void>((done, failed) => {
      waiting.push({ ...outcome, done, failed })
      if (!writing) {
        writing = true
        void writeAll()
      }
    })
  }

  return {
    delivered: (id) => enqueue({ deliveredId: id }),
    record: (update) => enqueue({ update }),
  }
}
