import { lazy, type ReactNode } from 'react'
import type { Translate } from '../../lib/i18n/index.tsx'
import type { AppState } from '../app-state.ts'
import '../../lib/i18n/feature-messages.ts'

/**
 * What can be embedded, one entry per kind. To add a kind:
 * 1. write a component that renders the thing alone from the app state the embed URL holds
 *    (`embed.html?embed=<kind>&…`, the same query keys as the full view's URL),
 * 2. add it here with the view its "open in the explorer" link goes to and its iframe title,
 * 3. add a "Copy embed code" button (src/components/copy-embed.tsx) where the full view shows it,
 * 4. add the kind to public/embed-example.html and e2e/embed.spec.ts (size, height message, axe).
 * Each component is its own lazy chunk. The matrix is not here: it is drawn without React
 * (matrix-embed-dom.ts), so an article's iframe stays small.
 */
export interface EmbedKind {
  render: (state: AppState) => ReactNode
  /** The full view the embed links back to. */
  fullView: (state: AppState) => AppState
  /** The iframe's title (its accessible name on the embedding page). */
  title: (t: Translate, state: AppState) => string
}

const EndpointEmbed = lazy(() => import('./endpoint-embed.tsx'))
const LessonStepEmbed = lazy(() => import('./lesson-step-embed.tsx'))
const TraceEmbed = lazy(() => import('./trace-embed.tsx'))
const KubeletTraceEmbed = lazy(() => import('./kubelet-trace-embed.tsx'))

export const EMBED_KINDS: Record<string, EmbedKind> = {
  endpoint: {
    render: (state) => <EndpointEmbed id={state.endpoint} />,
    fullView: (state) => ({ ...state, view: 'endpoint' }),
    title: (_t, state) => state.endpoint,
  },
  'lesson-step': {
    render: ({ lessons }) => <LessonStepEmbed lesson={lessons.lesson} step={lessons.step} />,
    fullView: (state) => ({ ...state, view: 'lessons' }),
    title: (t, { lessons }) => `${t('navLessons')}: ${lessons.lesson} ${lessons.step}`,
  },
  trace: {
    render: (state) => <TraceEmbed lesson={state.lessons.lesson || 'kubelet-1-3-vs-1-4'} />,
    fullView: (state) => ({
      ...state,
      view: 'lessons',
      lessons: { ...state.lessons, lesson: state.lessons.lesson || 'kubelet-1-3-vs-1-4' },
    }),
    title: (t) => t('traceCaption'),
  },
  // The Kubelet view's own query (`view=kubelet&op=…&release=…`): `release` is a Kubernetes
  // release only under view=kubelet (features/kubelet/kubelet-url.ts), so the embed URL keeps the view key.
  'kubelet-trace': {
    render: ({ kubelet }) => (
      <KubeletTraceEmbed op={kubelet.op} release={kubelet.release} ep={kubelet.ep} />
    ),
    fullView: (state) => ({ ...state, view: 'kubelet' }),
    // Identifiers only: the kubelet view's strings arrive with its chunk, after the title is set.
    title: (_t, { kubelet }) =>
      `kubelet ${kubelet.op} · Kubernetes ${kubelet.release === 'both' ? '1.3 / 1.4' : kubelet.release}`,
  },
}
