import { useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { useShortcuts } from '../hooks/use-shortcuts.ts'
import { strings } from '../strings/index.ts'
import { Dialog } from '../ui/dialog.tsx'
import { pageKeys } from './nav.tsx'
import { paths, sitePages } from './paths.ts'

// How long `g` waits for a page's letter; after that the letter is only a letter.
const chordMs = 1500

/**
 * The console's keys: `g` then a page's letter goes to that page of the current site; `?` lists
 * every key, the inbox's own included.
 */
export function GlobalShortcuts({ siteId }: { siteId: string | undefined }) {
  const { route } = useLocation()
  const [help, setHelp] = useState(false)
  const pressedG = useRef(0)
  const goTo = (page: (typeof sitePages)[number]) => () => {
    if (!siteId || Date.now() - pressedG.current > chordMs) return
    pressedG.current = 0
    route(paths.site(siteId, page))
  }
  useShortcuts({
    '?': () => setHelp(true),
    g: () => {
      pressedG.current = Date.now()
    },
    ...Object.fromEntries(sitePages.map((page) => [pageKeys[page], goTo(page)])),
  })
  const rows: [string[], string][] = [
    [['?'], strings.shortcuts.help],
    ...sitePages.map((page): [string[], string] => [
      ['g', pageKeys[page]],
      strings.shortcuts.goTo(strings.nav[page]),
    ]),
    ...strings.inbox.shortcuts.map(([key, what]): [string[], string] => [[key], what]),
  ]
  return (
    <Dialog title={strings.shortcuts.title} open={help} onClose={() => setHelp(false)}>
      <dl class="shortcut-list">
        {rows.map(([keys, what]) => (
          <div key={keys.join(' ')}>
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  )
}
