import type { Release, SourceLine } from '../kubelet/index.ts'

/**
 * A line of the kubelet at its release tag on GitHub: v1.3.0 (2831379) or v1.4.0 (a16c0a7).
 * The kubelet view, the terminal's log, the lessons and Copy as Go link the same line.
 */
export function kubeletSourceUrl(release: Release, source: Pick<SourceLine, 'file' | 'line'>) {
  return `https://github.com/kubernetes/kubernetes/blob/v${release}.0/${source.file}#L${source.line}`
}

/** `docker_manager.go:733`: the line, short enough for a table cell. */
export function shortSource(source: Pick<SourceLine, 'file' | 'line'>): string {
  return `${source.file.slice(source.file.lastIndexOf('/') + 1)}:${source.line}`
}
