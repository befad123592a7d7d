import type { SimulatedDaemon } from '../../daemon'
import { useI18n } from '../../lib/i18n'

/** What the daemon holds right now, so a learner sees the effect of each call. */
export function StatePanel({ daemon }: { daemon: SimulatedDaemon }) {
  const { t } = useI18n()
  const containers = [...daemon.state.containers.values()]
  const execs = [...daemon.state.execs.values()]
  const images = [...daemon.state.images.values()]
  return (
    <section aria-labelledby="state-heading" className="state-panel">
      <h3 id="state-heading">{t('daemonState')}</h3>
      <h4>
        {t('containers')} ({containers.length})
      </h4>
      {containers.length === 0 ? (
        <p className="muted">{t('noContainers')}</p>
      ) : (
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
                <td>{String(container.config.Image ?? '')}</td>
                <td>{container.state.status}</td>
                <td>
                  <code title={container.id}>{container.id.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {execs.length > 0 && (
        <>
          <h4>
            {t('execInstances')} ({execs.length})
          </h4>
          <ul className="plain-list">
            {execs.map((exec) => (
              <li key={exec.id}>
                <code>{exec.id.slice(0, 12)}</code> · {exec.entrypoint} {exec.arguments.join(' ')} ·{' '}
                {t('colTty')} {String(exec.tty)} · {exec.phase}
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
          .flatMap((image) => image.repoTags)
          .map((tag) => (
            <code key={tag} className="tag">
              {tag}
            </code>
          ))}
      </p>
    </section>
  )
}
