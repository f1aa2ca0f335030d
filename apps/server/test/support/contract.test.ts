import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ApiError } from '../../src/http/errors.ts'
import { documented } from '../../src/http/openapi.ts'
import { contractChecked } from './contract.ts'

// The contract check itself: it must fail on what it exists to catch, or every suite that runs
// under it proves nothing.

const thingAnswer = z.strictObject({ id: z.string() })

function appAnswering(
  answer: (c: { json: (body: unknown, status?: number) => Response }) => Response,
) {
  const app = new Hono()
  app.onError((error, c) =>
    error instanceof ApiError
      ? c.json({ error: { code: error.code, message: error.message } }, error.status)
      : c.json({ error: { code: 'INTERNAL_ERROR', message: 'x' } }, 500),
  )
  app.get(
    '/v1/things/:id',
    documented({
      summary: 'A thing',
      tags: ['Site'],
      access: 'public',
      responses: { 200: thingAnswer },
      errors: { 404: ['THING_NOT_FOUND'] },
    }),
    (c) => answer(c as never),
  )
  app.get('/v1/others', (c) => c.json({ special: true }))
  return contractChecked(app)
}

beforeEach(() => vi.stubEnv('PORCHLIGHT_CONTRACT', 'strict'))
afterEach(() => vi.unstubAllEnvs())

describe('the contract check', () => {
  it('passes a documented answer and a documented error code', async () => {
    const ok = appAnswering((c) => c.json({ id: 't1' }))
    expect((await ok.request('/v1/things/t1')).status).toBe(200)
    const missing = appAnswering(() => {
      throw new ApiError(404, 'THING_NOT_FOUND', 'No such thing.')
    })
    expect((await missing.request('/v1/things/t1')).status).toBe(404)
  })

  it('fails on a field the answer does not document', async () => {
    const app = appAnswering((c) => c.json({ id: 't1', secret: 'x' }))
    await expect(app.request('/v1/things/t1')).rejects.toThrow(/additional properties/)
  })

  it('fails on an error code the status does not list', async () => {
    const app = appAnswering(() => {
      throw new ApiError(404, 'NOT_FOUND', 'No such resource.')
    })
    await expect(app.request('/v1/things/t1')).rejects.toThrow(/allowed values/)
  })

  it('fails on a status the operation does not document', async () => {
    const app = appAnswering(() => {
      throw new ApiError(409, 'THING_EXISTS', 'Already there.')
    })
    await expect(app.request('/v1/things/t1')).rejects.toThrow(/answered 409, which GET/)
  })

  it('fails on a /v1 route that answers without being documented', async () => {
    const app = appAnswering((c) => c.json({ id: 't1' }))
    await expect(app.request('/v1/others')).rejects.toThrow(/no such operation/)
  })
})
