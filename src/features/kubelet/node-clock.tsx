import { memo, useEffect, useId, useRef, useState } from 'react'
import type { Release } from '../../kubelet/index.ts'
import { useI18n } from '../../lib/i18n/index.tsx'
import { type ClockRow, clockRows, formatNodeTime } from './clock-math.ts'
import { CLOCK_SPEEDS, MAX_PODS } from './kubelet-url.ts'
import '../../lib/i18n/kubelet-messages.ts'

interface NodeClockProps {
  releases: readonly Release[]
  pods: number
  speed: number
  onChange(change: { pods?: number; speed?: number }): void
}

/**
 * The node clock: the kubelet's periodic loops for N pods, played at ×1 … ×60 on the page's
 * frames. Counting is arithmetic on the model's per-tick calls (clock-math.ts), so a frame
 * costs a few dozen additions and one small table render.
 */
export function NodeClock({ releases, pods, speed, onChange }: NodeClockProps) {
  const { t } = useI18n()
  const id = useId()
  const [seconds, setSeconds] = useState(0)
  const [playing, setPlaying] = useState(false)
  const speedRef = useRef(speed)
  speedRef.current = speed

  useEffect(() => {
    if (!playing) return
    let frame = 0
    let last = performance.now()
    const step = (now: number) => {
      const elapsed = Math.max(0, now - last)
      last = now
      setSeconds((s) => s + (elapsed / 1000) * speedRef.current)
      frame = requestAnimationFrame(step)
    }
    frame = requestAnimationFrame(step)
    return () => cancelAnimationFrame(frame)
  }, [playing])

  const minute = Math.floor(Math.max(0, seconds - 1e-9) / 60)
  return (
    <section className="node-clock" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('clockHeading')}</h3>
      <p className="intro">{t('clockIntro')}</p>
      <div className="clock-controls">
        <label>
          <span>{t('clockPods')}</span>
          <input
            type="range"
            min={1}
            max={MAX_PODS}
            value={pods}
            onChange={(event) => onChange({ pods: Number(event.target.value) })}
          />
          <input
            type="number"
            min={1}
            max={MAX_PODS}
            value={pods}
            aria-label={t('clockPods')}
            onChange={(event) => {
              const n = Number(event.target.value)
              if (Number.isInteger(n) && n >= 1 && n <= MAX_PODS) onChange({ pods: n })
            }}
          />
        </label>
        <label>
          <span>{t('clockSpeed')}</span>
          <select
            value={speed}
            onChange={(event) => onChange({ speed: Number(event.target.value) })}
          >
            {CLOCK_SPEEDS.map((s) => (
              <option key={s} value={s}>
                ×{s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
          {playing ? t('clockPause') : t('clockPlay')}
        </button>
        <button type="button" onClick={() => setSeconds((s) => s + 3600)}>
          {t('clockHour')}
        </button>
        <button
          type="button"
          onClick={() => {
            setPlaying(false)
            setSeconds(0)
          }}
        >
          {t('clockReset')}
        </button>
        <output className="clock-time" aria-label={t('clockTime')}>
          {t('clockTime')} <strong data-testid="node-time">{formatNodeTime(seconds)}</strong>
        </output>
      </div>
      <div className="clock-tables" data-count={releases.length}>
        {releases.map((release) => (
          <ClockTable
            key={release}
            release={release}
            pods={pods}
            minute={minute}
            rows={clockRows(release, pods, seconds)}
          />
        ))}
      </div>
      <p className="muted">{t('clockNotModelled')}</p>
    </section>
  )
}

// One formatter for every cell: a frame at ×60 formats a few dozen numbers.
const format = new Intl.NumberFormat()

const ClockTable = memo(function ClockTable({
  release,
  pods,
  minute,
  rows,
}: {
  release: Release
  pods: number
  minute: number
  rows: ClockRow[]
}) {
  const { t } = useI18n()
  const max = Math.max(1, ...rows.map((r) => r.inMinute))
  const inMinute = rows.reduce((sum, r) => sum + r.inMinute, 0)
  const soFar = rows.reduce((sum, r) => sum + r.soFar, 0)
  return (
    <div className="table-scroll">
      <table className="clock-table stack-narrow" data-release={release}>
        <caption>{t('clockCaption', { release, pods })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('clockColEndpoint')}</th>
            <th scope="col">{t('clockColLoops')}</th>
            <th scope="col">{t('clockColPerMinute', { minute: minute + 1 })}</th>
            <th scope="col">{t('clockColSoFar')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-endpoint={row.endpointId}>
              <th scope="row">
                <code>
                  {row.method} {row.path}
                </code>
              </th>
              <td data-label={t('clockColLoops')}>
                {row.loops.map((l) => `${l.id} (${l.periodSeconds} s)`).join(', ')}
              </td>
              <td data-label={t('clockColPerMinute', { minute: minute + 1 })} className="bar-cell">
                <span className="bar" style={{ width: `${(row.inMinute / max) * 100}%` }} />
                <span className="bar-value">{format.format(row.inMinute)}</span>
              </td>
              <td data-label={t('clockColSoFar')} className="num">
                {format.format(row.soFar)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('clockTotal')}</th>
            <td />
            <td data-label={t('clockColPerMinute', { minute: minute + 1 })} className="num">
              <strong>{format.format(inMinute)}</strong>
            </td>
            <td data-label={t('clockColSoFar')} className="num">
              <strong data-testid={`clock-total-${release}`}>{format.format(soFar)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
})
