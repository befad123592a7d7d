import { kubeletTraces } from 'virtual:kubelet-facts'
import type { Lesson } from '../../domain/schemas/lessons.ts'
import { alignCalls, callKey } from '../../kubelet/align.ts'
import { pathWithQuery } from '../../lib/daemon-client/kubelet-transport.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { kubeletSourceUrl, shortSource } from '../../lib/kubelet-source.ts'
import '../../lib/i18n/feature-messages.ts'

type Trace = (typeof kubeletTraces)['exec-it']['1.4']
type TraceCall = Trace[number]

const KINDS = [
  { id: 'exec-it', title: 'kubectl exec -it' },
  { id: 'attach-it', title: 'kubectl attach -it' },
] as const

/** The call that makes a step part of each trace. */
const TRACE_ENDPOINT = { 'exec-it': 'ContainerExec', 'attach-it': 'ContainerAttach' } as const

/** The same call for the same reason (the four GET /version are told apart by why). */
const sameCall = (call: TraceCall) => `${callKey(call)} ${call.purpose.en}`

function Call({ call, release }: { call: TraceCall; release: '1.3' | '1.4' }) {
  return (
    <>
      <code>
        {call.method} {pathWithQuery(call)}
      </code>{' '}
      <a href={kubeletSourceUrl(release, call.source)} title={call.source.func}>
        {shortSource(call.source)}
      </a>
    </>
  )
}

/**
 * For a lesson that traces what kubelets send, the calls side by side: kubectl exec -it and
 * attach -it as the kubelet model sends them (computed at build time from src/kubelet, not
 * written by hand), one column per release, aligned call by call, each linked to its line.
 */
export function LessonTrace({ lesson }: { lesson: Lesson }) {
  const { t, language } = useI18n()
  // The traces of the commands the lesson's kubelet steps come from: exec -it for an exec, attach
  // -it for an attach (a lesson of both shows both).
  const traced = new Set(lesson.steps.filter((s) => s.calledBy).map((s) => s.endpointId))
  const kinds = KINDS.filter((kind) => traced.has(TRACE_ENDPOINT[kind.id]))
  if (kinds.length === 0) return null
  return (
    <>
      {kinds.map((kind) => {
        const rows = alignCalls(
          kubeletTraces[kind.id]['1.3'],
          kubeletTraces[kind.id]['1.4'],
          sameCall,
        )
        return (
          <div className="table-scroll" key={kind.id}>
            <table className="trace-table stack-narrow" data-trace={kind.id}>
              <caption>
                {kind.title}: {t('traceCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('traceStep')}</th>
                  <th scope="col">{t('traceKubelet', { release: '1.3' })}</th>
                  <th scope="col">{t('traceKubelet', { release: '1.4' })}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed trace; position is the identity
                    key={index}
                    className={row.same ? undefined : 'trace-diff'}
                  >
                    <th scope="row">
                      {index + 1}. {(row.right ?? row.left)?.purpose[language]}
                    </th>
                    {(['left', 'right'] as const).map((side) => {
                      const release = side === 'left' ? '1.3' : '1.4'
                      const call = row[side]
                      return (
                        <td key={side} data-label={t('traceKubelet', { release })}>
                          {call ? (
                            <Call call={call} release={release} />
                          ) : (
                            <span className="muted">{t('traceNotSent')}</span>
                          )}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
    </>
  )
}
