// The servers the contact-form scenarios run against: the stand-in first (its challenges are
// cheap, so a failure there points at the SDK in milliseconds), then the real server, which is
// the truth wherever the two differ.
import { startFormsServer } from './forms-server.ts'
import { startRealServer } from './real-server.ts'
import type { FormsScene, SceneOptions } from './scene.ts'

export interface FormsServerUnderTest {
  /** Started once per test file. */
  start(): Promise<{ scene(options?: SceneOptions): Promise<FormsScene>; close(): Promise<void> }>
}

export const formsServers: (FormsServerUnderTest & { name: string })[] = [
  {
    name: 'the stand-in',
    // A stand-in costs nothing to start: a new one per scene.
    start: async () => ({ scene: (options) => startFormsServer(options), close: async () => {} }),
  },
  {
    name: 'the real server',
    async start() {
      const real = await startRealServer()
      return { scene: real.formsScene, close: real.close }
    },
  },
]
