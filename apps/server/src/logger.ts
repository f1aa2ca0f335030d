import type { LogLevel } from './config.ts'

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  /** A logger whose lines all carry `fields`, e.g. the request id. */
  child(fields: LogFields): Logger
  /**
   * Whether lines at `level` are written, so a caller can skip building what nobody reads.
   * Optional: a logger without it is taken to write every level.
   */
  enabled?(level: Exclude<LogLevel, 'silent'>): boolean
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

/**
 * JSON lines: one object per line, machine-readable by every log pipeline (Workers Logs,
 * journald, Loki) without a parser of our own.
 *
 * @example createLogger({ level: 'info' }).info('started', { port: 8787 })
 */
export function createLogger(options: {
  level: LogLevel
  write?: (line: string) => void
  fields?: LogFields
}): Logger {
  const write = options.write ?? ((line: string) => console.log(line))
  const base = options.fields ?? {}
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: LogFields): void => {
      if (rank[level] < rank[options.level]) return
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields }))
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => createLogger({ ...options, write, fields: { ...base, ...fields } }),
    enabled: (level) => rank[level] >= rank[options.level],
  }
}

/** Serializable details of a thrown value, for logs only: never sent to a client. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.message, name: error.name, stack: error.stack }
  return { error: String(error) }
}
