import { isPorchlightError } from '../../sdk/src/errors.ts'
import type { Client } from '../../sdk/src/index.ts'
import { failureText } from './failure-text.ts'
import { markInvalidFields } from './field-errors.ts'
import { type Html, html, render } from './html.ts'
import type { EmbedStrings } from './strings.ts'
import { css } from './styles.ts'

/**
 * What the components share with the rest of the script tag: the page's one client (and so
 * the member's one session) and the strings in use.
 *
 * @example
 * setComponentContext({ client, strings: () => strings })
 */
export interface ComponentContext {
  client: Client
  strings(): EmbedStrings
}

let context: ComponentContext
let sheet: CSSStyleSheet | undefined
let sessionChecked = false

/**
 * Gives the components the page's client and strings; `install` calls it before defining them.
 *
 * @throws Nothing.
 * @example
 * setComponentContext({ client, strings: () => strings })
 */
export function setComponentContext(next: ComponentContext): void {
  context = next
}

/**
 * A button that a component's `act` handles: `data-action` and `data-id` say what it does, and
 * its `id` (`<action>-<id>`) lets a render give the focus back to it.
 *
 * @throws Nothing.
 * @example
 * button('like', 'Like', post.id, html`aria-pressed="${String(post.liked)}"`)
 */
export const button = (action: string, label: unknown, id = '', attributes?: Html): Html =>
  html`<button type="button" id="${action}-${id}" data-action="${action}" data-id="${id}" ${attributes}>${label}</button>`

/**
 * The code of an error the API or the SDK gave (`PorchlightError.code`); `''` for any other
 * error, such as a bug in the page's code.
 *
 * @throws Nothing.
 * @example
 * if (errorCode(error) === 'SECOND_STEP_REQUIRED') showCodeStep()
 */
export const errorCode = (error: unknown): string => (isPorchlightError(error) ? error.code : '')

/**
 * A time as people read it in the page's language, with the machine-readable value.
 *
 * @throws Nothing.
 * @example
 * html`<small>${time(post.createdAt)}</small>`
 */
export function time(ms: number): Html {
  const date = new Date(ms)
  return html`<time datetime="${date.toISOString()}">${date.toLocaleString(
    document.documentElement.lang || undefined,
    { dateStyle: 'medium', timeStyle: 'short' },
  )}</time>`
}

/**
 * The elements' base class: `HTMLElement` in a browser. Node and Workers have none, and a
 * server-rendered app still imports this package (to call `install` once in the browser), so
 * there a plain class stands in to let the module load; nothing is defined or constructed there.
 */
const ElementBase: typeof HTMLElement =
  globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement)

/**
 * What the three components have in common: a shadow root with the shared stylesheet, a view
 * that `update()` renders from `template()`, a status line announced to screen readers
 * (`role="status"`, outside the view so re-rendering never resets it), delegated events
 * (`data-action` on buttons, links and forms, no inline handlers), what was typed kept across
 * renders, and re-rendering when the strings or the signed-in member change.
 *
 * @example
 * class Hello extends PorchlightElement {
 *   protected template() { return html`<p>${this.s.authSignIn}</p>` }
 * }
 */
export abstract class PorchlightElement extends ElementBase {
  protected readonly root = this.attachShadow({ mode: 'open' })
  readonly #view: HTMLElement
  readonly #status: HTMLElement
  /** What the visitor typed, by field name, so that a render keeps it. */
  values: Record<string, string> = {}
  /** True while an action runs: a second click is ignored meanwhile. */
  #busy = false
  /**
   * What the last action met, kept through later renders until the next action or view: said
   * next to the button or form that acted (`near`, a selector in the view), and the server's
   * messages on that form's fields.
   */
  protected marks?: Marks | undefined
  #stops: (() => void)[] = []

  constructor() {
    super()
    const { root } = this
    try {
      // A constructed sheet is parsed once for every element, and a strict CSP's style-src
      // (no 'unsafe-inline') does not apply to it.
      sheet ??= new CSSStyleSheet()
      if (!sheet.cssRules.length) sheet.replaceSync(css)
      root.adoptedStyleSheets = [sheet]
    } catch {
      root.innerHTML = `<style>${css}</style>`
    }
    root.innerHTML +=
      '<div class="root" part="root"><div></div><p class="status" part="status" role="status" aria-live="polite"></p></div>'
    this.#view = root.querySelector('.root div') as HTMLElement
    this.#status = root.querySelector('.status') as HTMLElement

    root.addEventListener('click', (event) => {
      const target = (event.target as Element).closest<HTMLElement>('[data-action]')
      // Forms act on submit, selects on change.
      if (target && !target.matches('form,select'))
        this.act(target.dataset.action ?? '', target, event)
    })
    root.addEventListener('submit', (event) => {
      event.preventDefault()
      const form = event.target as HTMLFormElement
      this.act(form.dataset.action ?? '', form, event)
    })
    root.addEventListener('change', (event) => {
      const target = event.target as HTMLElement
      if (target.matches('select')) this.act(target.dataset.action ?? '', target, event)
    })
    root.addEventListener('input', (event) => {
      const field = event.target as HTMLInputElement
      if (field.name) this.values[field.name] = field.value
    })
  }

  /** The page's SDK client (`Porchlight.client`); public for the view functions. */
  get client(): Client {
    return context.client
  }

  /** The strings in use (`Porchlight.strings`). */
  get s(): EmbedStrings {
    return context.strings()
  }

  connectedCallback(): void {
    this.listen(document, 'porchlight:strings', () => this.update())
    this.#stops.push(this.client.auth.onChange(() => this.signedIn()))
    // Once per page: the stored account may be stale (a new role, a confirmed address) or its
    // session over; with cookie sessions only the server knows whether there is one.
    const { auth, session } = this.client
    if (!sessionChecked && (auth.user || session.transport === 'cookie')) {
      auth.getSession().catch(() => {})
    }
    sessionChecked = true
    this.start()
  }

  disconnectedCallback(): void {
    for (const stop of this.#stops.splice(0)) stop()
  }

  /** Sets up listeners and timers (with `listen` and `every`, so they stop on disconnect). */
  protected abstract start(): void
  /** The view's markup for the current state. */
  protected abstract template(): Html
  /** Handles a `data-action`: a button or link clicked, a form submitted, a select changed. */
  protected abstract act(action: string, target: HTMLElement, event: Event): void

  /** The member signed in or out, here or in another tab, or their account changed. */
  protected signedIn(): void {
    this.update()
  }

  /** Listens until the element leaves the page. */
  protected listen(target: EventTarget, type: string, listener: (event: Event) => void): void {
    target.addEventListener(type, listener)
    this.#stops.push(() => target.removeEventListener(type, listener))
  }

  /**
   * Calls `task` every `poll` seconds (the attribute, else `seconds`) and when the page is shown
   * again, but not while it is hidden, until the element leaves the page.
   */
  protected every(seconds: number, task: () => void): void {
    const visible = () => document.hidden || task()
    const timer = setInterval(visible, (Number(this.getAttribute('poll')) || seconds) * 1000)
    this.#stops.push(() => clearInterval(timer))
    this.listen(document, 'visibilitychange', visible)
  }

  /**
   * Renders the view, keeping the focus, with the last action's message next to it and its
   * field messages. Returns the message as placed (with fields the form has no control for)
   * and the first field marked, or nothing when the action is no longer in the view.
   */
  protected update(): { text: string; first: HTMLElement | undefined } | undefined {
    render(this.root, this.#view, this.template())
    const { marks } = this
    const near = marks && this.#view.querySelector<HTMLElement>(marks.near)
    if (!near) {
      // The action left the view: the status line shows its message instead.
      if (marks) this.#status.removeAttribute('data-near')
      return
    }
    const form = near.closest('form')
    const marked = form && markInvalidFields(form, marks.fields)
    const note = document.createElement('p')
    note.id = 'note'
    note.className = 'note'
    note.setAttribute('part', 'note')
    note.dataset.state = marks.state
    note.textContent = [marks.text, ...(marked?.unmatched ?? []).map(([, text]) => text)].join(' ')
    // A form or a menu holds it at its end; a button has it after its row of buttons.
    if (near.matches('form,.menu')) near.append(note)
    else (near.closest('p,.row') ?? near).after(note)
    // Read with the control that acted, when the focus is on it or comes back to it.
    for (const control of near.matches('button,select') ? [near] : near.querySelectorAll('button'))
      control.setAttribute('aria-describedby', note.id)
    return { text: note.textContent, first: marked?.first }
  }

  /** Moves the focus into the view, to the heading of a new view by default. */
  protected focusOn(selector = 'h2'): void {
    this.root.querySelector<HTMLElement>(selector)?.focus()
  }

  /** Shows and announces `text` in the status line; `state` is `error` for failures (`data-state`). */
  protected say(text = '', state = ''): void {
    this.#status.textContent = text
    this.#status.dataset.state = state
    this.#status.removeAttribute('data-near')
  }

  /**
   * Shows `text` next to `target`, the button, select or form that acted, and announces it (the
   * status line says it too, seen only by screen readers meanwhile). `fields` are the server's
   * messages for that form's fields.
   */
  protected sayNear(target: HTMLElement, text: string, state = '', fields = {}): void {
    const { id, dataset } = target
    // Renders replace every element, so the target is found again by what it is.
    const near = id
      ? `[id="${id}"]`
      : `form[data-action="${dataset.action}"]${dataset.id ? `[data-id="${dataset.id}"]` : ''}`
    this.marks = { near, text, state, fields }
    const placed = this.update()
    this.say(placed?.text ?? text, state)
    this.#status.toggleAttribute('data-near', !!placed)
    placed?.first?.focus()
  }

  /**
   * Runs an action the visitor started with `target` (a button, select or form), once at a time,
   * with the view marked busy; a failure is shown next to `target`, field by field when the
   * server names fields, or in the status line when there is no target. Resolves to whether it
   * succeeded.
   */
  protected async run(task: () => Promise<unknown>, target?: HTMLElement): Promise<boolean> {
    if (this.#busy) return false
    this.#busy = true
    // The last action's message goes with it.
    if (this.marks) this.say()
    this.marks = undefined
    this.#view.setAttribute('aria-busy', 'true')
    try {
      await task()
      return true
    } catch (error) {
      this.fail(error, target)
      return false
    } finally {
      this.#busy = false
      this.#view.removeAttribute('aria-busy')
    }
  }

  /** Says what went wrong, in the visitor's words where the strings have some. */
  protected fail(error: unknown, target?: HTMLElement): void {
    if (!isPorchlightError(error)) {
      this.say(String(error), 'error')
      throw error
    }
    const s = this.s
    const { fields } = error
    const onFields = target?.closest('form') && Object.keys(fields).length
    // The server's own message (English) for codes the strings have no words for.
    const text = onFields ? s.formInvalid : failureText(error, s, error.message)
    if (target) this.sayNear(target, text, 'error', onFields ? fields : {})
    else this.say(text, 'error')
  }
}

/** See `PorchlightElement.marks`. */
type Marks = { near: string; text: string; state: string; fields: Record<string, string> }
