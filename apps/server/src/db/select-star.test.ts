import { describe, expect, it } from 'vitest'
import { selectsStar } from './select-star.ts'

// The bug: every statement with a `*` anywhere, a multiplication included, was taken for
// `SELECT *` and had its column names read again on every run (a contact submission's rate-limit
// window arithmetic among them). Only a `*` column list may count.
describe('a `*` column list', () => {
  it.each([
    'SELECT * FROM notes',
    'select*from notes',
    'SELECT\n  *\nFROM notes',
    'SELECT DISTINCT * FROM notes',
    'SELECT ALL * FROM notes',
    'SELECT id, * FROM notes',
    'SELECT n.* FROM notes n',
    'SELECT "notes".* FROM "notes"',
    'SELECT `notes`.*, 1 FROM notes',
    'SELECT [notes] . * FROM notes',
    'SELECT /* every column */ * FROM notes',
    "INSERT INTO notes (body) VALUES ('x') RETURNING *",
    'SELECT id FROM (SELECT * FROM notes)',
  ])('counts in %j', (sql) => {
    expect(selectsStar(sql)).toBe(true)
  })

  it.each([
    'SELECT count(*) FROM notes',
    'SELECT count( * ) FROM notes',
    'SELECT a * b FROM notes',
    'SELECT a*b, c FROM notes',
    'SELECT count(*) * 2 FROM notes',
    'SELECT (a + 1) * 2 FROM notes',
    'UPDATE limits SET n = n * 2, at = ? * 1000 WHERE id = ?',
    "SELECT '*', 'a, *' FROM notes",
    'SELECT "a*b", "x".id FROM notes',
    'SELECT id FROM notes -- , * later',
    'SELECT id /* , * */ FROM notes',
  ])('does not count in %j', (sql) => {
    expect(selectsStar(sql)).toBe(false)
  })
})
