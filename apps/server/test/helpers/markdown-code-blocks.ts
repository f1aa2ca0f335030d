import { readFileSync } from 'node:fs'

/** A fenced code block of a markdown file, as the doc tests run it. */
export type CodeBlock = {
  /** The info string's first word: `ts`, `sh`, `html`…; empty when none. */
  lang: string
  /** The block's text, without the fences and without the indentation of its fence. */
  code: string
  /** The nearest heading above the block, without its `#`s. */
  section: string
  /** 1-based line of the opening fence, for messages that point a reader at the block. */
  line: number
}

/**
 * The fenced code blocks of a markdown file, in order. Handles what the READMEs use: backtick
 * and tilde fences of three or more, indented fences inside list items (their indentation is
 * removed from every line), and headings, which count only outside blocks.
 *
 * @example
 * const samples = codeBlocks('README.md').filter((block) => block.lang === 'sh')
 */
export function codeBlocks(path: string): CodeBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n')
  const blocks: CodeBlock[] = []
  let section = ''
  let open: { fence: string; indent: number; lang: string; line: number; body: string[] } | null =
    null
  lines.forEach((text, index) => {
    if (open) {
      const closing = text.trim()
      if (closing.startsWith(open.fence) && /^[`~]+$/.test(closing)) {
        blocks.push({ lang: open.lang, code: open.body.join('\n'), section, line: open.line })
        open = null
      } else {
        const { indent } = open
        open.body.push(text.slice(Math.min(indent, text.length - text.trimStart().length)))
      }
      return
    }
    const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(text)
    if (fence) {
      const [, indent = '', marks = '', lang = ''] = fence
      open = { fence: marks, indent: indent.length, lang, line: index + 1, body: [] }
      return
    }
    const heading = /^#{1,6}\s+(.*?)\s*$/.exec(text)
    if (heading) section = heading[1] as string
  })
  if (open)
    throw new Error(
      `${path}: a code fence opened at line ${(open as { line: number }).line} never closes`,
    )
  return blocks
}
