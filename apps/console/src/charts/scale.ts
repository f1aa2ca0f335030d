// The numbers behind the charts' axes: a round top for the scale, and the lines between.

/**
 * The smallest "round" number (1, 2 or 5 times a power of ten) at or above `max`: the top of
 * the y axis, so its lines fall on numbers people read at a glance. At least 1, so an empty
 * chart still has an axis.
 */
export function niceCeiling(max: number): number {
  if (!(max > 1)) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power
  }
  return 10 * power
}

/**
 * The values for the axis' lines: 0 to `top` in `count` equal steps, whole numbers only (counts
 * have no halves), so fewer lines when the top is small.
 */
export function ticks(top: number, count = 4): number[] {
  const step = Math.max(1, Math.ceil(top / count))
  const values: number[] = []
  for (let value = 0; value <= top; value += step) values.push(value)
  return values
}

/** Where on an axis of `length` a value falls, 0 at the bottom (SVG's y grows downwards). */
export function position(value: number, top: number, length: number): number {
  return length - (value / top) * length
}

/** Indexes of the labels to print under a time axis: first, last, and a few between. */
export function labelIndexes(count: number, most = 5): number[] {
  if (count <= most) return [...Array(count).keys()]
  const step = (count - 1) / (most - 1)
  return [...new Set([...Array(most).keys()].map((i) => Math.round(i * step)))]
}
