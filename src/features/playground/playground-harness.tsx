import type { OpenSession } from '../../../tests/daemon-fixture.ts'
import { ViewHarness } from '../../../tests/view-harness.tsx'
import Playground from './playground.tsx'
import { playgroundUrl } from './playground-url.ts'

/** The playground alone on its own URL, its daemon from the test's fixture (test-daemon.ts). */
export function PlaygroundHarness({ openSession }: { openSession: OpenSession }) {
  return (
    <ViewHarness codec={playgroundUrl} search="?view=playground">
      {({ state, onChange }) => (
        <Playground state={state} onChange={onChange} openSession={openSession} />
      )}
    </ViewHarness>
  )
}
