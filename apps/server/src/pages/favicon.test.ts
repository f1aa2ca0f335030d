import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'

// Issue 15: every page the server shows made the browser ask for /favicon.ico, and got a 404.
describe('GET /favicon.ico', () => {
  let t: TestApp
  beforeAll(async () => {
    // No static assets, as a Worker without them: the icon is drawn in code and still answers.
    t = await createTestApp()
  })
  afterAll(async () => {
    await t?.close()
  })

  it('answers with a 32×32 icon: an amber light on a clear background', async () => {
    const res = await t.app.request('/favicon.ico')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/x-icon')
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400')
    const file = new Uint8Array(await res.arrayBuffer())
    const view = new DataView(file.buffer)
    // ICONDIR and its one entry: an icon, 32×32, 32 bits per pixel, right after the directory.
    expect([view.getUint16(2, true), view.getUint16(4, true)]).toEqual([1, 1])
    expect([file[6], file[7], view.getUint16(12, true), view.getUint32(18, true)]).toEqual([
      32, 32, 32, 22,
    ])
    expect(view.getUint32(14, true)).toBe(file.length - 22)
    // The bitmap's pixels, bottom row first, BGRA.
    const pixel = (x: number, y: number) => {
      const at = 22 + 40 + ((31 - y) * 32 + x) * 4
      return [file[at + 2], file[at + 1], file[at], file[at + 3]]
    }
    expect(pixel(16, 16)).toEqual([0xf5, 0x9e, 0x0b, 255])
    expect(pixel(0, 0)?.[3]).toBe(0)
  })

  it('answers HEAD as browsers revalidate it, and nothing else', async () => {
    expect((await t.app.request('/favicon.ico', { method: 'HEAD' })).status).toBe(200)
    expect((await t.app.request('/favicon.ico', { method: 'POST' })).status).toBe(405)
  })
})
