import type {
  Client,
  InArgs,
  InStatement,
  Replicated,
  ResultSet,
  Transaction,
  TransactionMode,
} from '@libsql/client'
import { databaseFault } from '../db/faults.ts'
import { type DatabaseOperation, type Metrics, noMetrics } from './metrics.ts'

/**
 * A libSQL client that times every statement and batch the app sends (drizzle's queries and the
 * raw SQL beside them) and counts the calls that failed with a passing fault, such as a lock
 * another process held past the wait. Unchanged when metrics are off.
 *
 * @example createDatabase(measuredClient(client, metrics))
 */
export function measuredClient(client: Client, metrics: Metrics): Client {
  return metrics === noMetrics ? client : new MeasuredClient(client, metrics)
}

// A class, not an object literal: drizzle takes a plain object for its own options, not a client.
class MeasuredClient implements Client {
  private readonly inner: Client
  private readonly metrics: Metrics

  constructor(inner: Client, metrics: Metrics) {
    this.inner = inner
    this.metrics = metrics
  }

  execute(stmt: InStatement): Promise<ResultSet>
  execute(sql: string, args?: InArgs): Promise<ResultSet>
  execute(stmt: InStatement, args?: InArgs): Promise<ResultSet> {
    return this.measure('execute', () =>
      typeof stmt === 'string' ? this.inner.execute(stmt, args) : this.inner.execute(stmt),
    )
  }

  batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode) {
    return this.measure('batch', () => this.inner.batch(stmts, mode))
  }

  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.inner.migrate(stmts)
  }

  transaction(mode?: TransactionMode): Promise<Transaction> {
    return this.inner.transaction(mode)
  }

  executeMultiple(sql: string): Promise<void> {
    return this.inner.executeMultiple(sql)
  }

  sync(): Promise<Replicated> {
    return this.inner.sync()
  }

  close(): void {
    this.inner.close()
  }

  reconnect(): void {
    this.inner.reconnect()
  }

  get closed(): boolean {
    return this.inner.closed
  }

  get protocol(): string {
    return this.inner.protocol
  }

  private async measure<T>(operation: DatabaseOperation, call: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await call()
    } catch (error) {
      const fault = databaseFault(error)
      if (fault) this.metrics.databaseFault(fault)
      throw error
    } finally {
      this.metrics.databaseQuery(operation, (performance.now() - started) / 1000)
    }
  }
}
