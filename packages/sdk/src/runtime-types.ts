// The SDK runs in browsers, Node, Deno, Bun and Workers, whose globals are typed by different
// declarations (lib.dom, @types/node, @cloudflare/workers-types), or not at all in a project
// with `lib: ["es2022"]` and no `types`. So its public types never name a DOM or fetch global
// directly: each platform type it mentions is defined here, as the runtime's own type where the
// project's declarations have one, else as the few members the SDK uses. Types only: nothing
// here reaches a bundle.

/**
 * The runtime's `fetch`, as the project's declarations type it (lib.dom, @types/node,
 * workers-types all declare it as a function), or the least the SDK calls where none do.
 *
 * @example
 * const options: ConnectionOptions = { url, key, fetch: (input, init) => fetch(input, init) }
 */
export type Fetch = typeof globalThis extends { fetch: infer F } ? F : MinimalFetch

/**
 * What that `fetch` resolves to: the runtime's `Response`.
 *
 * @example
 * const onResponse = (response: FetchResponse) => response.headers.get('ETag')
 */
export type FetchResponse = Fetch extends (...args: never[]) => Promise<infer R> ? R : never

/**
 * An `AbortSignal` of any runtime: the SDK hands it to `fetch`, and reads only these members.
 *
 * @example
 * const signal: AbortSignalLike = AbortSignal.timeout(2000)
 */
export interface AbortSignalLike {
  readonly aborted: boolean
  readonly reason: unknown
  throwIfAborted(): void
}

/**
 * A `<form>` element where the project has the DOM lib; nothing otherwise, since a server has
 * no forms to pass. Read from `globalThis` because lib.dom declares it there as a `var`.
 *
 * @example
 * const form: FormElement = document.querySelector('form')!
 */
export type FormElement = typeof globalThis extends { HTMLFormElement: { prototype: infer F } }
  ? F
  : never

/**
 * The part of Web Storage (`localStorage`, `sessionStorage`) that {@link webStorage} uses.
 *
 * @example
 * const store: WebStorageLike = sessionStorage
 */
export interface WebStorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** The least of `fetch` the SDK calls, for projects whose declarations have no `fetch`. */
type MinimalFetch = (
  input: string,
  init: {
    method: string
    headers: Record<string, string>
    body: string | undefined
    signal: AbortSignalLike
    credentials?: 'include'
  },
) => Promise<{
  readonly status: number
  readonly headers: { get(name: string): string | null }
  text(): Promise<string>
}>
