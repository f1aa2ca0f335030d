// The script tag's bundle (dist/embed.js): <script src="https://api.example.com/embed.js"
// data-key="pk_…" defer></script>. See README.md. Modules import src/module.ts instead.
import { readConfig } from './config.ts'
import { setUpPage } from './global.ts'

// Evaluated without a page (a server's bundler or test runner loading the file), it does nothing.
if (typeof document === 'object') {
  // Only while the script first runs is document.currentScript its own tag; the fallback covers
  // a bundle run some other way, if the page has a tag with a key.
  const config = readConfig(
    (document.currentScript as HTMLScriptElement | null) ??
      document.querySelector<HTMLScriptElement>('script[data-key][src*="embed"]'),
    location.href,
  )
  if (!config.key) {
    console.warn('Porchlight: add data-key="pk_…" (the site\'s publishable key) to the script tag')
  }
  setUpPage(config)
}
