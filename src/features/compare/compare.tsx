import './compare.css'
// The Compare view's strings travel with this chunk, not with the first page.
import '../../lib/i18n/compare-messages.ts'
import kubernetesFile from '../../../data/kubernetes.json'
import { AppLink } from '../../components/app-link.tsx'
import { API_VERSION_FILES, apiVersionFile, compareApiVersions } from '../../domain/api-versions.ts'
import type { KubernetesFile } from '../../domain/schemas/kubernetes.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { BulletList } from './bullet-link.tsx'
import { ChangeTable } from './change-table.tsx'
import type { CompareState } from './compare-url.ts'
import { FirstShippedNotes } from './first-shipped.tsx'
import { KubeletAngle, type KubeletCall } from './kubelet-angle.tsx'
import { VersionPicker } from './version-picker.tsx'

// Validated by src/domain/data-consistency.test.ts; the browser trusts the built data.
const kubelet14 = (kubernetesFile as KubernetesFile).releases.find((r) => r.version === '1.4')
const endpoints124 = apiVersionFile('1.24')?.endpoints ?? []
/** The distinct endpoints the Kubernetes 1.4 kubelet calls (20), in its interface's order. */
const KUBELET_CALLS: readonly KubeletCall[] = [
  ...new Set(kubelet14?.methods.map((m) => m.endpointId) ?? []),
].flatMap((id) => {
  const endpoint = endpoints124.find((e) => e.id === id)
  return endpoint ? [{ id, method: endpoint.method, path: endpoint.path }] : []
})

export default function Compare({ state }: { state: CompareState }) {
  const { t } = useI18n()
  const { from, to, kubelet } = state
  const missing = [from, to].find((api) => !apiVersionFile(api))
  const comparison = missing || from === to ? undefined : compareApiVersions(from, to)

  const calls = new Set(KUBELET_CALLS.map((c) => c.id))
  const changes = (comparison?.changes ?? []).filter((c) => !kubelet || calls.has(c.endpoint))
  const older = comparison ? apiVersionFile(comparison.from) : undefined
  const newer = comparison ? apiVersionFile(comparison.to) : undefined
  const groups = [...new Set(changes.map((c) => c.endpoint && groupOf(c.endpoint, comparison?.to)))]
  const olderGroups = new Set(older?.endpoints.map((e) => e.group))
  const added = changes.filter((c) => c.kind === 'endpoint-added').length
  const removed = changes.filter((c) => c.kind === 'endpoint-removed').length

  return (
    <section className="view compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('compareHeading')}</h2>
      <p className="intro">{t('compareIntro')}</p>
      <VersionPicker compare={state} />
      <p className="filter-check compare-filter">
        <AppLink
          className="button-link"
          aria-current={kubelet ? 'true' : undefined}
          to={{ view: 'compare', kubelet: !kubelet }}
        >
          {kubelet ? '☑' : '☐'} {t('compareKubelet', { count: KUBELET_CALLS.length })}
        </AppLink>
      </p>
      {missing && <p role="alert">{t('compareNoData', { api: missing })}</p>}
      {!missing && from === to && <p role="status">{t('compareSame', { api: from })}</p>}
      {comparison && older && newer && (
        <>
          <p className="summary" role="status">
            {t('compareSummary', {
              from: older.api,
              dockerFrom: older.docker,
              to: newer.api,
              dockerTo: newer.docker,
              added,
              removed,
              other: changes.length - added - removed,
              unlisted: changes.filter((c) => c.bullets.length === 0).length,
              total: changes.length,
            })}
          </p>
          {newer.api === '1.25' && <p className="muted">{t('compareSwaggerNote')}</p>}
          {changes.length === 0 && (
            <p>{kubelet ? t('compareNoKubeletChanges') : t('compareNoChanges')}</p>
          )}
          {groups.map((group) => (
            <ChangeTable
              key={group}
              group={group}
              changes={changes
                .filter((c) => groupOf(c.endpoint, comparison.to) === group)
                .sort((a, b) => wholeFirst(a.kind) - wholeFirst(b.kind))}
              from={comparison.from}
              to={comparison.to}
              newGroup={!olderGroups.has(group as never)}
            />
          ))}
          <KubeletAngle comparison={comparison} calls={KUBELET_CALLS} />
          <h3>{t('compareEndpointBullets')}</h3>
          <BulletList
            refs={comparison.endpointBullets.filter(
              (b) => !kubelet || b.bullet.endpoints.some((id) => calls.has(id)),
            )}
          />
          <h3>{t('compareGlobalBullets')}</h3>
          <BulletList refs={comparison.globalBullets} />
          <FirstShippedNotes apis={[comparison.from, comparison.to]} />
        </>
      )}
    </section>
  )
}

/** Whole endpoints added, removed or moved come before the rows about their parts. */
function wholeFirst(kind: string): number {
  return kind.startsWith('endpoint') || kind === 'path-changed' ? 0 : 1
}

/** An endpoint's group, from the newest file that has it (removed endpoints: the older ones). */
function groupOf(id: string, newest: string | undefined): string {
  const files = [...API_VERSION_FILES].reverse()
  const start = Math.max(
    0,
    files.findIndex((f) => f.api === newest),
  )
  for (const file of files.slice(start)) {
    const endpoint = file.endpoints.find((e) => e.id === id)
    if (endpoint) return endpoint.group
  }
  return 'misc'
}
