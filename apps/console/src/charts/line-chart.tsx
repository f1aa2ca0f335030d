import { useId } from 'preact/hooks'
import { strings } from '../strings/index.ts'
import { formatNumber } from '../ui/format.ts'
import { ScrollRegion } from '../ui/scroll-region.tsx'
import { labelIndexes, niceCeiling, position, ticks } from './scale.ts'

export type Series = { name: string; values: number[] }

// The drawing's own units; the SVG scales to its box's width.
const width = 640
const height = 200
const left = 40
const bottom = 24
const plotWidth = width - left - 8
const plotHeight = height - bottom - 8

/** A sentence for screen readers: each series' total and its busiest day. */
export function describeSeries(series: Series[], labels: string[]): string {
  return series
    .map((s) => {
      const total = s.values.reduce((a, b) => a + b, 0)
      const peak = Math.max(0, ...s.values)
      const at = s.values.indexOf(peak)
      return total === 0
        ? strings.charts.noneIn(s.name)
        : strings.charts.summary(s.name, formatNumber(total), labels[at] ?? '', formatNumber(peak))
    })
    .join(' ')
}

/**
 * Counts per day as lines, one per series, drawn for the purpose: an SVG with its axis, a
 * legend in words, a one-sentence summary for screen readers, and the numbers as a table
 * behind a disclosure, for anyone who wants them exactly.
 */
export function LineChart({
  title,
  series,
  labels,
}: {
  title: string
  series: Series[]
  labels: string[]
}) {
  const id = useId()
  const top = niceCeiling(Math.max(0, ...series.flatMap((s) => s.values)))
  const x = (i: number) =>
    left + (labels.length <= 1 ? plotWidth / 2 : (i / (labels.length - 1)) * plotWidth)
  const y = (value: number) => 8 + position(value, top, plotHeight)
  return (
    <figure class="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="chart-svg"
      >
        <title>{title}</title>
        <desc id={`${id}-desc`}>{describeSeries(series, labels)}</desc>
        {ticks(top).map((tick) => (
          <g key={tick} class="chart-grid">
            <line x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} />
            <text x={left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {labelIndexes(labels.length).map((i) => (
          <text key={i} class="chart-label" x={x(i)} y={height - 6} text-anchor="middle">
            {labels[i]}
          </text>
        ))}
        {series.map((s, index) => (
          <polyline
            key={s.name}
            class={`chart-line series-${index + 1}`}
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
        ))}
      </svg>
      <ul class="chart-legend">
        {series.map((s, index) => (
          <li key={s.name}>
            <span class={`chart-swatch series-${index + 1}`} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
      <ChartTable title={title} series={series} labels={labels} />
    </figure>
  )
}

/** The chart's numbers as a table, behind a disclosure. */
export function ChartTable({
  title,
  series,
  labels,
}: {
  title: string
  series: Series[]
  labels: string[]
}) {
  return (
    <details class="chart-table">
      <summary>{strings.charts.showTable}</summary>
      <ScrollRegion label={title}>
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.charts.day}</th>
              {series.map((s) => (
                <th key={s.name} scope="col" class="number">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.name} class="number">
                    {formatNumber(s.values[i] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  )
}
