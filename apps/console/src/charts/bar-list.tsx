import { formatNumber } from '../ui/format.ts'

/**
 * Totals by category as horizontal bars: each bar's label and number are text beside it, so the
 * list reads the same without the bars.
 */
export function BarList({
  title,
  items,
  empty,
}: {
  title: string
  items: { label: string; value: number }[]
  empty: string
}) {
  const sorted = items.filter((item) => item.value > 0).sort((a, b) => b.value - a.value)
  const max = Math.max(1, ...sorted.map((item) => item.value))
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {sorted.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="bar-list">
          {sorted.map((item) => (
            <li key={item.label}>
              <span class="bar-label">{item.label}</span>
              <span class="bar-track" aria-hidden="true">
                <span class="bar" style={{ width: `${(item.value / max) * 100}%` }} />
              </span>
              <span class="bar-value">{formatNumber(item.value)}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  )
}
