import { kubeletLines, kubeletTraces } from 'virtual:kubelet-facts'
import { describe, expect, it } from 'vitest'
import lessonsFile from '../../../data/lessons.json'
import type { LessonsFile } from '../../domain/schemas/lessons.ts'

/**
 * The lessons cite the kubelet's lines, and the kubelet model is where those lines live: every
 * lesson link into the kubelet's code at a tag names a line the model sends that step's call
 * from, and the 1.3 vs 1.4 lesson's traced steps are the model's exec -it / attach -it calls.
 */
const lessons = (lessonsFile as LessonsFile).lessons
const KUBELET_LINK = /\/kubernetes\/kubernetes\/blob\/v(1\.[34])\.0\/(pkg\/kubelet\/[^#]+)#L(\d+)$/

describe('lessons and the kubelet model', () => {
  it('cite, for each call, a line the model sends it from (one line per call)', () => {
    const wrong: string[] = []
    // the lessons that trace the kubelet's calls (others cite constants, e.g. the minimum API)
    const tracing = ['exec-it', 'attach-resize', 'kubelet-1-3-vs-1-4']
    for (const lesson of lessons.filter((l) => tracing.includes(l.id))) {
      for (const step of lesson.steps) {
        for (const source of step.sources ?? []) {
          const match = source.url ? KUBELET_LINK.exec(source.url) : null
          if (!match) continue
          const [, release, file, line] = match as unknown as [
            string,
            '1.3' | '1.4',
            string,
            string,
          ]
          const lines = kubeletLines[step.endpointId]?.[release] ?? []
          if (!lines.some((l) => l.file === file && l.line === Number(line)))
            wrong.push(
              `${lesson.id}/${step.id}: ${file}:${line} (${release}) not in ${JSON.stringify(lines.map((l) => l.line))}`,
            )
        }
      }
    }
    expect(wrong).toEqual([])
  })

  // A lesson's kubelet steps (those with calledBy) are the model's calls, in the model's order:
  // exec -it's for a lesson with an exec, then attach -it's for one with an attach. One step may
  // be extra: exec.go starts HandleResizing before the blocking StartExec, so kubectl's first
  // size can reach the daemon before the start (404); a lesson may show that lost race as an
  // `…resize-early` step before the start, beside the resize the model sends after it.
  it.each(['exec-it', 'attach-resize', 'kubelet-1-3-vs-1-4'])(
    'trace, in lesson %s, the model’s calls in the model’s order',
    (id) => {
      const lesson = lessons.find((l) => l.id === id)
      const steps = lesson?.steps ?? []
      const traces = [
        ...(steps.some((s) => s.calledBy && s.endpointId === 'ContainerExec')
          ? (['exec-it'] as const)
          : []),
        ...(steps.some((s) => s.calledBy && s.endpointId === 'ContainerAttach')
          ? (['attach-it'] as const)
          : []),
      ]
      expect(traces.length).toBeGreaterThan(0)
      for (const release of ['1.3', '1.4'] as const) {
        const sent = steps.filter((s) => s.calledBy?.includes(release))
        const early = sent.filter((s) => s.id.endsWith('resize-early'))
        for (const step of early) {
          expect(step.endpointId).toBe('ExecResize')
          // before the start it races, and after it the model sends the same call
          const at = sent.indexOf(step)
          expect(sent.slice(at).map((s) => s.endpointId)).toContain('ExecStart')
          expect(sent.slice(sent.findIndex((s) => s.endpointId === 'ExecStart'))).toContainEqual(
            expect.objectContaining({ endpointId: 'ExecResize' }),
          )
        }
        expect(
          sent.filter((s) => !early.includes(s)).map((s) => `${s.request.method} ${s.endpointId}`),
        ).toEqual(
          traces.flatMap((trace) =>
            kubeletTraces[trace][release].map((c) => `${c.method} ${c.endpointId}`),
          ),
        )
      }
    },
  )

  it('send what the kubelet sends with a TTY: no AttachStderr, no stderr=1', () => {
    for (const id of ['exec-it', 'attach-resize', 'kubelet-1-3-vs-1-4']) {
      const lesson = lessons.find((l) => l.id === id)
      for (const exec of lesson?.steps.filter((s) => s.endpointId === 'ContainerExec') ?? [])
        expect(JSON.parse(exec.request.body ?? '{}')).toMatchObject({
          Tty: true,
          AttachStderr: false,
        })
      for (const step of lesson?.steps ?? [])
        if (step.endpointId === 'ContainerAttach')
          expect(step.request.path).not.toContain('stderr=1')
    }
  })
})
