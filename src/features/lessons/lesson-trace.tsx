import type { Lesson } from '../../domain/schemas/lessons.ts'
import { useI18n } from '../../lib/i18n/index.tsx'

const RELEASES = ['1.3', '1.4'] as const

/** `…/dockertools/exec.go#L128` → `exec.go:128`: where the call is, readable in a cell. */
function sourceLine(url: string): string {
  const file = url.slice(url.lastIndexOf('/') + 1)
  return file.replace('#L', ':')
}

/**
 * For a lesson that traces what kubelets send, the calls side by side: one column per
 * Kubernetes release, each call linked to its line in that release's kubelet source.
 */
export function LessonTrace({ lesson }: { lesson: Lesson }) {
  const { t, language } = useI18n()
  const traced = lesson.steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => step.calledBy !== undefined)
  if (traced.length === 0) return null
  return (
    <div className="table-scroll">
      <table className="trace-table stack-narrow">
        <caption>{t('traceCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('traceStep')}</th>
            {RELEASES.map((release) => (
              <th key={release} scope="col">
                {t('traceKubelet', { release })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {traced.map(({ step, index }) => (
            <tr key={step.id} className={step.calledBy?.length === 1 ? 'trace-diff' : undefined}>
              <th scope="row">
                {index + 1}. {step.title[language]}
              </th>
              {RELEASES.map((release) => {
                const source = step.sources?.find((s) => s.url?.includes(`/blob/v${release}.0/`))
                return (
                  <td key={release} data-label={t('traceKubelet', { release })}>
                    {step.calledBy?.includes(release) ? (
                      <>
                        <code>
                          {step.request.method}{' '}
                          {step.request.path.split('?')[0]?.replace(/\{\{\w+\}\}/g, '{id}')}
                        </code>
                        {source?.url && (
                          <>
                            {' '}
                            <a href={source.url}>{sourceLine(source.url)}</a>
                          </>
                        )}
                      </>
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
}
