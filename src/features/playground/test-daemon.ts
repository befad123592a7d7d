import { DAEMON_TEST_BASE, daemonTest } from '../../../tests/daemon-fixture.ts'

/** Where the test daemon answers; tests may fetch it directly. */
export const BASE = DAEMON_TEST_BASE

/**
 * The playground tests' `test`: the daemon fixture (`openSession`, `serveDaemon`, see
 * tests/daemon-fixture.ts), and every test starting with empty storage on the playground's URL.
 */
export const playgroundTest = daemonTest.extend('playgroundPage', { auto: true }, () => {
  window.localStorage.clear()
  window.history.replaceState(null, '', '/?view=playground')
  return '/?view=playground'
})
