import { formatDateTime, formatRelative } from './format.ts'

/** A moment: relative in the text ("3 hours ago"), exact on hover and to machines. */
export function Time({ ms }: { ms: number }) {
  const exact = formatDateTime(ms)
  return (
    <time dateTime={new Date(ms).toISOString()} title={exact}>
      {formatRelative(ms)}
    </time>
  )
}
