import { describe, expect, it } from 'vitest'
import { labelIndexes, niceCeiling, position, ticks } from './scale.ts'

describe('the charts’ scale', () => {
  it('tops the axis at a round number at or above the largest value', () => {
    expect(niceCeiling(0)).toBe(1)
    expect(niceCeiling(1)).toBe(1)
    expect(niceCeiling(3)).toBe(5)
    expect(niceCeiling(7)).toBe(10)
    expect(niceCeiling(10)).toBe(10)
    expect(niceCeiling(11)).toBe(20)
    expect(niceCeiling(240)).toBe(500)
    expect(niceCeiling(1001)).toBe(2000)
  })

  it('draws whole-number lines from 0 to the top', () => {
    expect(ticks(1)).toEqual([0, 1])
    expect(ticks(5)).toEqual([0, 2, 4])
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20])
    expect(ticks(500)).toEqual([0, 125, 250, 375, 500])
  })

  it('puts 0 at the bottom and the top at the top', () => {
    expect(position(0, 10, 200)).toBe(200)
    expect(position(10, 10, 200)).toBe(0)
    expect(position(5, 10, 200)).toBe(100)
  })

  it('labels the first and last day, and a few between', () => {
    expect(labelIndexes(3)).toEqual([0, 1, 2])
    expect(labelIndexes(7)).toEqual([0, 2, 3, 5, 6])
    expect(labelIndexes(30)).toEqual([0, 7, 15, 22, 29])
  })
})
