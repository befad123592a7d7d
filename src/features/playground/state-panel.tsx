import { listContainers, listExecs, listImages, type SimulatedDaemon } from '../../daemon/index.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import type { IdKind } from './id-path.ts'
import '../../lib/i18n/view-messages.ts'
import '../../lib/i18n/feature-messages.ts'

interface StatePanelProps {
  daemon: SimulatedDaemon
  /** Puts a clicked id into the request path. */
  onId?: (kind: IdKind, id: string) => void
}

/** What the daemon holds right now, so a learner sees the effect of each call. */
export function StatePanel({ daemon, onId }: StatePanelProps) {
  const { t } = useI18n()
  const containers = listContainers(daemon.state)
  const execs = listExecs(daemon.state)
  const images = listImages(daemon.state)
  const idButton = (kind: IdKind, id: string) =>
    onId ? (
      <button
        type="button"
        className="link-button id-button"
        title={t('useIdInPath')}
        aria-label={t('useIdInPathNamed', { id: id.slice(0, 12) })}
        onClick={() => onId(kind, id)}
      >
        <code>{id.slice(0, 12)}</code>
      </button>
    ) : (
      <code title={id}>{id.slice(0, 12)}</code>
    )
  return (
    <section aria-labelledby="state-heading" className="state-panel">
      <h3 id="state-heading">{t('daemonState')}</h3>
      <h4>
        {t('containers')} ({containers.length})
      </h4>
      {containers.length === 0 ? (
        <p className="muted">{t('noContainers')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colImage')}</th>
                <th scope="col">{t('colState')}</th>
                <th scope="col">{t('colId')}</th>
              </tr>
            </thead>
            <tbody>
              {containers.map((container) => (
                <tr key={container.id}>
                  <td>
                    <code>{container.name}</code>
                  </td>
                  <td>{container.image}</td>
                  <td>{container.status}</td>
                  <td>{idButton('container', container.id)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {execs.length > 0 && (
        <>
          <h4>
            {t('execInstances')} ({execs.length})
          </h4>
          <ul className="plain-list">
            {execs.map((exec) => (
              <li key={exec.id}>
                {idButton('exec', exec.id)} · {exec.containerName} · {exec.command} · {t('colTty')}{' '}
                {String(exec.tty)} · {exec.phase}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>
        {t('images')} ({images.length})
      </h4>
      <p>
        {images
          .flatMap((image) => image.tags)
          .map((tag) => (
            <code key={tag} className="tag">
              {tag}
            </code>
          ))}
      </p>
    </section>
  )
}
