import { describe, expect, it } from 'vitest'
import { createDaemon } from '../src/daemon/index.ts'
import { endpoints, lessons } from '../src/domain/data.ts'
import { runRequest, sendToDaemon } from '../src/scenarios/run.ts'

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

  // Every lesson is played from a fresh daemon, in order, through the scenario runner the status
  // scenarios use (same placeholders, same captures): what the text promises is what the
  // simulated Docker 1.12.6 answers, so training material cannot drift from the model.
  for (const lesson of lessons) {
    it(`${lesson.id}: every step gets the status it promises`, async () => {
      const daemon = createDaemon()
      const vars = new Map<string, string>()
      for (const step of lesson.steps) {
        const { problems } = await runRequest(step, vars, sendToDaemon(daemon))
        expect({ step: step.id, problems }).toEqual({ step: step.id, problems: [] })
      }
      daemon.dispose()
    })
  }

  it('fills every placeholder from a capture of an earlier step of the same lesson', () => {
    for (const lesson of lessons) {
      const captured = new Set<string>()
      for (const step of lesson.steps) {
        const text = `${step.request.path} ${step.request.body ?? ''}`
        for (const m of text.matchAll(/\{\{([A-Za-z0-9_]+)\}\}/g))
          expect(captured.has(m[1] ?? ''), `${lesson.id}/${step.id} uses {{${m[1]}}}`).toBe(true)
        for (const name of Object.keys(step.capture ?? {})) captured.add(name)
      }
    }
  })

  it('links every traced kubelet call to its line of the kubelet source at each release that sends it', () => {
    for (const lesson of lessons)
      for (const step of lesson.steps)
        for (const release of step.calledBy ?? []) {
          const tag = `v${release}.0`
          const links = (step.sources ?? []).filter((s) =>
            s.url?.startsWith(`https://github.com/kubernetes/kubernetes/blob/${tag}/`),
          )
          expect(links.length, `${lesson.id}/${step.id} has a source at ${tag}`).toBeGreaterThan(0)
          // A line, not just a file or a function: the label names the line its anchor opens.
          for (const link of links) {
            const anchor = /#L(\d+)$/.exec(link.url ?? '')?.[1]
            expect(anchor, `${lesson.id}/${step.id}: ${link.url} has a #L anchor`).toBeDefined()
            expect(link.label).toContain(`(line ${anchor})`)
          }
        }
  })
})
