import Database from 'libsql'
import { describe, expect, it } from 'vitest'
import { splitStatements } from './sql-scan.ts'

describe('splitStatements', () => {
  it('splits on semicolons outside strings, quoted identifiers and comments', () => {
    const sql = `
      -- a comment; with a semicolon
      INSERT INTO "odd;name" (a) VALUES ('it''s; fine');
      /* block; comment */ SELECT [x;y], \`z;w\` FROM t;;
      ;  -- empty statements are dropped
    `
    const statements = splitStatements(sql)
    expect(statements.map((s) => s.sql)).toEqual([
      `INSERT INTO "odd;name" (a) VALUES ('it''s; fine')`,
      'SELECT [x;y], `z;w` FROM t',
    ])
    expect(splitStatements('  -- nothing here\n')).toEqual([])
  })

  it('keeps a trigger body together', () => {
    const sql = `CREATE TEMP TRIGGER log_a AFTER INSERT ON a BEGIN
        INSERT INTO log VALUES (new.x); INSERT INTO log VALUES (new.x * 10);
      END; SELECT 1`
    const statements = splitStatements(sql)
    expect(statements).toHaveLength(2)
    expect(statements[0]?.sql).toMatch(/^CREATE TEMP TRIGGER[\s\S]*END$/)
    expect(statements[1]?.sql).toBe('SELECT 1')
  })

  it('classifies statements the way sqld reports changes', () => {
    const kinds = (sql: string) => {
      const [s] = splitStatements(sql)
      return {
        keyword: s?.keyword,
        isIud: s?.isIud,
        isInsert: s?.isInsert,
        isExplain: s?.isExplain,
      }
    }
    expect(kinds('insert into t values (1)')).toMatchObject({
      keyword: 'INSERT',
      isIud: true,
      isInsert: true,
    })
    expect(kinds('REPLACE INTO t VALUES (1)')).toMatchObject({ isIud: true, isInsert: true })
    expect(kinds('UPDATE t SET a = 1')).toMatchObject({ isIud: true, isInsert: false })
    expect(kinds('DELETE FROM t')).toMatchObject({ isIud: true, isInsert: false })
    expect(kinds('SELECT * FROM t')).toMatchObject({ keyword: 'SELECT', isIud: false })
    expect(kinds('CREATE TABLE t (a)')).toMatchObject({ isIud: false })
    expect(kinds('WITH x AS (SELECT 1 AS a) INSERT INTO t SELECT a FROM x')).toMatchObject({
      keyword: 'WITH',
      isIud: true,
      isInsert: true,
    })
    expect(kinds('WITH x AS (DELETE FROM t) SELECT 1')).toMatchObject({ isIud: false })
    expect(kinds('EXPLAIN INSERT INTO t VALUES (1)')).toMatchObject({
      isIud: false,
      isExplain: true,
    })
  })

  it('numbers parameters as SQLite does', () => {
    const sql = 'SELECT ?, ?, :a, ?5, :a, ?, @b, $c'
    const [statement] = splitStatements(sql)
    expect(statement?.params).toEqual([
      { kind: 'positional' },
      { kind: 'positional' },
      { kind: 'named', name: ':a' },
      { kind: 'positional' },
      { kind: 'numbered', position: 5 },
      { kind: 'positional' },
      { kind: 'named', name: '@b' },
      { kind: 'named', name: '$c' },
    ])
    // Cross-check against the engine: binding by index gives each parameter its slot's value.
    const db = new Database(':memory:')
    const values = statement?.params.map((_, i) => BigInt(i + 1)) ?? []
    expect(db.prepare(sql).raw(true).safeIntegers(true).all(values)).toEqual([
      [1n, 2n, 3n, 5n, 3n, 6n, 7n, 8n],
    ])
    db.close()
  })

  it('ignores parameter-like text in strings and identifiers', () => {
    const [statement] = splitStatements(`SELECT '?', ":a", x'3f', a FROM t WHERE b = :b`)
    expect(statement?.params).toEqual([{ kind: 'named', name: ':b' }])
  })
})
