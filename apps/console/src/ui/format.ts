// How the console writes times, sizes and counts: the browser's own locale and time zone.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dayMonth = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const number = new Intl.NumberFormat()

/** "12 Mar 2027, 14:05" */
export function formatDateTime(ms: number): string {
  return dateTime.format(ms)
}

/** "12 Mar 2027" */
export function formatDate(ms: number): string {
  return dateOnly.format(ms)
}

/** "12 Mar", for a chart's axis. */
export function formatDay(ms: number): string {
  return dayMonth.format(ms)
}

export function formatNumber(n: number): string {
  return number.format(n)
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "5 minutes ago", "in 2 days", "now": for times close enough that the distance matters. */
export function formatRelative(ms: number, now = Date.now()): string {
  const distance = ms - now
  for (const [unit, size] of units) {
    if (Math.abs(distance) >= size) return relative.format(Math.round(distance / size), unit)
  }
  return relative.format(0, 'second')
}

/** "1.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const kb = bytes / 1024
  if (kb < 1024) return `${kb.toFixed(1)} KB`
  const mb = kb / 1024
  if (mb < 1024) return `${mb.toFixed(1)} MB`
  return `${(mb / 1024).toFixed(2)} GB`
}
