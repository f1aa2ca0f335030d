import { expect } from 'vitest'
import { PorchlightError } from '../src/errors.ts'

/**
 * The error a call rejects with, after checking it is the SDK's one error type, so tests can
 * assert on all its fields. A call that resolves fails the check.
 *
 * @example
 * expect(await failure(client.site())).toMatchObject({ status: 401, code: 'INVALID_KEY' })
 */
export async function failure(call: Promise<unknown>): Promise<PorchlightError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PorchlightError)
  return error as PorchlightError
}
