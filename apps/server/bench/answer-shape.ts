// What both sides of a row must agree on before their figures are compared: the keys of the
// JSON answer, nested, without the values, so both send about the same bytes.

/** The keys of a JSON answer, nested, without the values; the body itself if it is not JSON. */
export function shape(body: string | undefined): string {
  const of = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(of)
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, of(v)]))
    }
    return 0
  }
  try {
    return JSON.stringify(of(JSON.parse(body ?? '')))
  } catch {
    return body ?? ''
  }
}
