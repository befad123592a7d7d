import type { Source } from '../domain/schemas/common.ts'

/** Sources as links when they have a URL; the label alone otherwise. */
export function SourceList({
  sources,
  inline = false,
}: {
  sources: readonly Source[]
  inline?: boolean
}) {
  const items = sources.map((source) => (
    <li key={source.label}>
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer">
          {source.label}
        </a>
      ) : (
        source.label
      )}
    </li>
  ))
  return <ul className={inline ? 'sources sources-inline' : 'sources'}>{items}</ul>
}
