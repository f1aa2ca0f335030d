// The script tag's bundle (dist/embed.js): <script src="https://api.example.com/embed.js"
// data-key="pk_…" defer></script>. See README.md.
import { install } from './global.ts'

export type { EmbedConfig } from './config.ts'
export type { PorchlightEmbed } from './global.ts'
export type { EmbedStrings, StringOverrides } from './strings.ts'

// Only while the script first runs is document.currentScript its own tag; the fallback covers a
// bundle run some other way (from a module, say), if the page has a tag with a key.
install(
  (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-key][src*="embed"]'),
)
