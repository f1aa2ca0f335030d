/**
 * Just enough SQL lexing for the test libSQL HTTP server (see libsql-http-server.ts).
 *
 * sqld parses every statement with a real SQLite parser before running it. We do not have that
 * parser, and the `libsql` npm package hides what sqld reads off a prepared statement (parameter
 * names, whether the text held more than one statement). So we lex the text ourselves, following
 * SQLite's tokenizer rules for comments, string literals and quoted identifiers, to learn:
 *
 * - where statements end (a `sequence` request is split and run one statement at a time);
 * - the statement's verb (sqld reports `affected_row_count` only for INSERT/UPDATE/DELETE and
 *   `last_insert_rowid` only for INSERT);
 * - the parameters and the SQLite index of each (so named and positional arguments bind the way
 *   sqld binds them; see `ParamSlot`).
 *
 * This is a lexer, not a parser: it never judges whether SQL is valid. SQLite does that when the
 * server prepares the statement.
 */

/** One parameter of a statement, in SQLite's numbering: slot `i` is parameter index `i + 1`. */
export type ParamSlot =
  /** `?`, or an index that only a later `?NNN` skipped over: bound from `args[i]`. */
  | { kind: 'positional' }
  /** `?NNN`: bound from `args[position - 1]`. */
  | { kind: 'numbered'; position: number }
  /** `:name`, `@name` or `$name` (name includes the prefix): bound from `named_args`. */
  | { kind: 'named'; name: string }

export interface ScannedStatement {
  /** The statement's text, from its first token to its last (no trailing `;`). */
  sql: string
  /** First keyword, upper-cased; '' when the statement starts with something else. */
  keyword: string
  /** INSERT, REPLACE, UPDATE or DELETE, possibly after a WITH clause (sqld's `is_iud`). */
  isIud: boolean
  /** INSERT or REPLACE, possibly after a WITH clause (sqld's `is_insert`). */
  isInsert: boolean
  isExplain: boolean
  params: ParamSlot[]
}

type TokenKind = 'word' | 'param' | 'semicolon' | 'open' | 'close' | 'other'
interface Token {
  kind: TokenKind
  text: string
  start: number
  end: number
}

/** Splits SQL text into statements, dropping empty ones (`;;`, comments only). */
export function splitStatements(sql: string): ScannedStatement[] {
  const statements: ScannedStatement[] = []
  let current: Token[] = []
  for (const token of tokenize(sql)) {
    if (token.kind === 'semicolon' && !insideTriggerBody(current)) {
      if (current.length > 0) statements.push(describeStatement(sql, current))
      current = []
    } else {
      current.push(token)
    }
  }
  if (current.length > 0) statements.push(describeStatement(sql, current))
  return statements
}

function describeStatement(sql: string, tokens: Token[]): ScannedStatement {
  const first = tokens[0] as Token
  const last = tokens[tokens.length - 1] as Token
  const keyword = first.kind === 'word' ? first.text.toUpperCase() : ''
  const verb = keyword === 'WITH' ? verbAfterWith(tokens) : keyword
  const isInsert = verb === 'INSERT' || verb === 'REPLACE'
  return {
    sql: sql.slice(first.start, last.end),
    keyword,
    isIud: isInsert || verb === 'UPDATE' || verb === 'DELETE',
    isInsert,
    isExplain: keyword === 'EXPLAIN',
    params: parameterSlots(tokens),
  }
}

/**
 * A `;` inside `CREATE [TEMP] TRIGGER ... BEGIN ... END` does not end the statement; the one after
 * END does. This is the rule sqlite3_complete() applies, with the same blind spot (a CASE ... END
 * directly followed by `;` inside a trigger body).
 */
function insideTriggerBody(tokens: Token[]): boolean {
  const words = tokens.slice(0, 3).map((t) => (t.kind === 'word' ? t.text.toUpperCase() : ''))
  const isTrigger =
    words[0] === 'CREATE' &&
    (words[1] === 'TRIGGER' ||
      ((words[1] === 'TEMP' || words[1] === 'TEMPORARY') && words[2] === 'TRIGGER'))
  if (!isTrigger) return false
  const last = tokens[tokens.length - 1] as Token
  return !(last.kind === 'word' && last.text.toUpperCase() === 'END')
}

const VERBS = new Set(['SELECT', 'VALUES', 'INSERT', 'REPLACE', 'UPDATE', 'DELETE'])

/** After `WITH`, the CTE bodies sit in parentheses; the first top-level verb is the statement's. */
function verbAfterWith(tokens: Token[]): string {
  let depth = 0
  for (const token of tokens) {
    if (token.kind === 'open') depth++
    else if (token.kind === 'close') depth--
    else if (token.kind === 'word' && depth === 0) {
      const word = token.text.toUpperCase()
      if (VERBS.has(word)) return word
    }
  }
  return ''
}

/**
 * SQLite numbers parameters as it meets them: `?` takes the next index, `?NNN` takes index NNN,
 * and a named parameter takes the next index the first time its name appears and reuses it after.
 * "The next index" is always one past the largest index so far.
 */
function parameterSlots(tokens: Token[]): ParamSlot[] {
  const slots: ParamSlot[] = []
  const seenNames = new Set<string>()
  for (const { kind, text } of tokens) {
    if (kind !== 'param') continue
    if (text === '?') {
      slots.push({ kind: 'positional' })
    } else if (text.startsWith('?')) {
      const position = Number(text.slice(1))
      while (slots.length < position) slots.push({ kind: 'positional' })
      slots[position - 1] = { kind: 'numbered', position }
    } else if (!seenNames.has(text)) {
      seenNames.add(text)
      slots.push({ kind: 'named', name: text })
    }
  }
  return slots
}

// --- tokenizer -------------------------------------------------------------------------------

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f'
const isDigit = (c: string) => c >= '0' && c <= '9'
/** SQLite treats every non-ASCII character as an identifier character. */
const isIdStart = (c: string) => /[A-Za-z_]/.test(c) || c.charCodeAt(0) > 0x7f
const isIdChar = (c: string) => isIdStart(c) || isDigit(c) || c === '$'

function* tokenize(sql: string): Generator<Token> {
  let i = 0
  while (i < sql.length) {
    const c = sql[i] as string
    const next = sql[i + 1] ?? ''
    if (isSpace(c)) {
      i++
    } else if (c === '-' && next === '-') {
      const newline = sql.indexOf('\n', i)
      i = newline === -1 ? sql.length : newline + 1
    } else if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close === -1 ? sql.length : close + 2
    } else {
      const end = tokenEnd(sql, i)
      yield { kind: tokenKind(sql, i, end), text: sql.slice(i, end), start: i, end }
      i = end
    }
  }
}

/** Index just past the token that starts at `i` (never at whitespace or a comment). */
function tokenEnd(sql: string, i: number): number {
  const c = sql[i] as string
  const next = sql[i + 1] ?? ''
  // 'string', "identifier", `identifier`: a doubled quote is an escaped quote.
  if (c === "'" || c === '"' || c === '`') return quotedEnd(sql, i, c)
  if (c === '[') {
    const close = sql.indexOf(']', i + 1)
    return close === -1 ? sql.length : close + 1
  }
  if (c === '?') return runEnd(sql, i + 1, isDigit)
  if ((c === ':' || c === '@' || c === '$') && isIdChar(next)) return runEnd(sql, i + 1, isIdChar)
  if (isIdStart(c)) return runEnd(sql, i + 1, isIdChar)
  // Numbers (1, 1.5, 0x1F, 1e5): exact boundaries do not matter to us, only that digits and
  // letters after them do not start a word.
  if (isDigit(c) || (c === '.' && isDigit(next)))
    return runEnd(sql, i + 1, (d) => isIdChar(d) || d === '.')
  return i + 1
}

function tokenKind(sql: string, start: number, end: number): TokenKind {
  const c = sql[start] as string
  if (c === ';') return 'semicolon'
  if (c === '(') return 'open'
  if (c === ')') return 'close'
  if (c === '?' || (end - start > 1 && (c === ':' || c === '@' || c === '$'))) return 'param'
  if (isIdStart(c)) return 'word'
  return 'other'
}

function quotedEnd(sql: string, i: number, quote: string): number {
  let j = i + 1
  while (j < sql.length) {
    if (sql[j] === quote) {
      if (sql[j + 1] !== quote) return j + 1
      j += 2
    } else {
      j++
    }
  }
  return sql.length
}

function runEnd(sql: string, i: number, accept: (c: string) => boolean): number {
  let j = i
  while (j < sql.length && accept(sql[j] as string)) j++
  return j
}
