import { describe, expect, it } from 'vitest'
import { createDaemon, type SimulatedDaemon } from '../src/daemon'
import { jsonRequest, readText } from '../src/daemon/test-client'
import { endpoints, lessons } from '../src/domain/data'
import { resolveLessonPath } from '../src/domain/lesson-path'

/** The newest exec instance of the container with that name, from the daemon's own state. */
function newestExecOf(daemon: SimulatedDaemon, name: string): string | undefined {
  const containerId = daemon.state.names.get(`/${name}`)
  return [...daemon.state.execs.values()].filter((exec) => exec.containerId === containerId).at(-1)
    ?.id
}

describe('data/lessons.json', () => {
  it('names only endpoints that exist (or the router itself)', () => {
    const ids = new Set(endpoints.map((endpoint) => endpoint.id))
    for (const lesson of lessons)
      for (const step of lesson.steps)
        expect(
          ids.has(step.endpointId) || step.endpointId === 'Router',
          `${lesson.id}/${step.id}`,
        ).toBe(true)
  })

  it('has unique lesson ids and unique step ids within each lesson', () => {
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length)
    for (const lesson of lessons)
      expect(new Set(lesson.steps.map((s) => s.id)).size, lesson.id).toBe(lesson.steps.length)
  })

  it('exec-it resize-early: the kubelet drops the ResizeExecTTY error, only the metric counts it', () => {
    // kubernetes v1.4.0 dockertools/exec.go ignores ResizeExecTTY's result; the instrumented
    // client's recordError increments docker_operations_errors, nothing is logged.
    const step = lessons.flatMap((l) => l.steps).find((s) => s.id === 'resize-early')
    for (const text of [step?.text.en, step?.text.zh]) {
      expect(text).toContain('docker_operations_errors')
      expect(text).not.toMatch(/only logs|只会记录日志/)
    }
  })

  // Every lesson is played from a fresh daemon, in order: what the text promises is what the
  // simulated Docker 1.12.6 answers, so training material cannot drift from the model.
  for (const lesson of lessons) {
    it(`${lesson.id}: every step gets the status it promises`, async () => {
      const daemon = createDaemon()
      for (const step of lesson.steps) {
        const path = resolveLessonPath(step.request.path, (name) => newestExecOf(daemon, name))
        const { body, contentType } = step.request
        const response = await daemon.handle(
          body
            ? jsonRequest(step.request.method, path, body, {
                'content-type': contentType ?? 'application/json',
              })
            : jsonRequest(step.request.method, path),
        )
        const text = await readText(response.body)
        expect({ step: step.id, status: response.status }).toEqual({
          step: step.id,
          status: step.expect.status,
        })
        if (step.expect.bodyIncludes) expect(text, step.id).toContain(step.expect.bodyIncludes)
      }
      daemon.dispose()
    })
  }
})
