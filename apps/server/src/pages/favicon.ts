import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'

/** Pixels per side: what browsers pick for a tab on a high-density screen, and scale down. */
const size = 32

/**
 * `GET /favicon.ico`: Porchlight's small icon, a warm light on a clear background. Browsers ask
 * for it on every page they open here (the landing page, `/demo/`, `/docs/api`, `/dev/mail`);
 * without it each visit logged a 404. Drawn by this module rather than read from a file, so it
 * answers on every runtime alike, assets or not (a Worker runs first for every request).
 *
 * @example
 * app.route('/', faviconRoutes())
 */
export function faviconRoutes() {
  let icon: Uint8Array<ArrayBuffer> | undefined
  return new Hono<AppEnv>().get('/favicon.ico', (c) => {
    icon ??= icoFile(lampPixels())
    return c.body(icon, 200, {
      'Content-Type': 'image/x-icon',
      // A day: the icon changes with a release at most, and browsers ask for it on every page.
      'Cache-Control': 'public, max-age=86400',
    })
  })
}

/**
 * The picture, as `size`×`size` RGBA rows from the top: an amber disc with a darker rim, the
 * colours of the demo site's accent, its edge softened over one pixel so it is not jagged.
 */
function lampPixels(): Uint8Array {
  const pixels = new Uint8Array(size * size * 4)
  const centre = (size - 1) / 2
  const radius = size / 2 - 1
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre)
      // Inside the rim: the light (#f59e0b); the outer 3 pixels: its rim (#b45309).
      const [r, g, b] = distance < radius - 3 ? [0xf5, 0x9e, 0x0b] : [0xb4, 0x53, 0x09]
      const coverage = Math.min(1, Math.max(0, radius + 0.5 - distance))
      pixels.set([r, g, b, Math.round(coverage * 255)], (y * size + x) * 4)
    }
  }
  return pixels
}

/**
 * An ICO file holding one 32-bit bitmap: the directory, a BITMAPINFOHEADER, the pixels bottom
 * row first in BGRA order, then the 1-bit transparency mask that the format still requires (all
 * zero: the alpha channel says it all). Every reader since Windows XP understands it.
 */
function icoFile(rgba: Uint8Array): Uint8Array<ArrayBuffer> {
  const maskRowBytes = Math.ceil(size / 32) * 4
  const imageBytes = 40 + size * size * 4 + maskRowBytes * size
  const file = new Uint8Array(6 + 16 + imageBytes)
  const view = new DataView(file.buffer)
  // ICONDIR: reserved, type 1 (icon), one image.
  view.setUint16(2, 1, true)
  view.setUint16(4, 1, true)
  // ICONDIRENTRY: width, height, no palette, 1 plane, 32 bits, the image's length and offset.
  file[6] = size
  file[7] = size
  view.setUint16(10, 1, true)
  view.setUint16(12, 32, true)
  view.setUint32(14, imageBytes, true)
  view.setUint32(18, 22, true)
  // BITMAPINFOHEADER: its own size, width, height of pixels and mask together, 1 plane, 32 bits.
  view.setUint32(22, 40, true)
  view.setInt32(26, size, true)
  view.setInt32(30, size * 2, true)
  view.setUint16(34, 1, true)
  view.setUint16(36, 32, true)
  let at = 22 + 40
  for (let y = size - 1; y >= 0; y--) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4
      file.set([rgba[from + 2] ?? 0, rgba[from + 1] ?? 0, rgba[from] ?? 0, rgba[from + 3] ?? 0], at)
      at += 4
    }
  }
  return file
}
