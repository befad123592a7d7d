import type { ClassroomMessageKey } from './classroom-messages-data.ts'
import type { CompareMessageKey } from './compare-messages.ts'
import type { FeatureMessageKey } from './feature-messages.ts'
import type { KubeletMessageKey } from './kubelet-messages.ts'
import type { ViewMessageKey } from './view-messages.ts'

/** English UI strings. API identifiers (paths, methods, operationIds) are never translated. */
export const en = {
  appTitle: 'Docker API Explorer',
  appTagline: 'The Docker Engine Remote API 1.24 as Kubernetes 1.2–1.4 really used it',
  skipToContent: 'Skip to content',
  navLabel: 'Views',
  navMatrix: 'Endpoint matrix',
  navVersions: 'Docker versions',
  navKubelet: 'Kubelet',
  language: 'Language',
  theme: 'Theme',
  themeSystem: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  // Matrix
  matrixHeading: 'API 1.24 endpoints and who calls them',
  matrixIntro:
    'Every endpoint of the Docker Remote API 1.24 (Docker 1.12), with the ticks the article gives for Kubernetes 1.3 and 1.4 next to what the Kubernetes source at the release tags really calls.',
  filters: 'Filters',
  search: 'Search endpoints',
  searchPlaceholder: 'title, method or path, e.g. resize',
  method: 'Method',
  group: 'Group',
  allMethods: 'All methods',
  allGroups: 'All groups',
  usedBy13: 'Kubernetes 1.3',
  usedBy14: 'Kubernetes 1.4',
  usageAny: 'Any',
  usageYes: 'Calls it',
  usageNo: 'Does not call it',
  changedOnly: 'Only what changed between 1.3 and 1.4',
  availableIn: 'Offered by Docker release',
  anyRelease: 'Any release',
  resetFilters: 'Reset filters',
  exportCsv: 'Export CSV',
  colTitle: 'Endpoint',
  colMethod: 'Method',
  colPath: 'Path',
  updateReady: 'A new version of the explorer is ready.',
  updateReload: 'Reload',
  copyEmbed: 'Copy embed code',
  embedCopied: 'Embed code copied: paste it into your page.',
  colGroup: 'Group',
  colSince: 'Since API',
  colK13: 'K8s 1.3',
  colK14: 'K8s 1.4',
  colChange: 'Change',
  sortBy: 'Sort by',
  called: 'called',
  notCalled: 'not called',
  articleSays: 'article says',
  sentByLabel: '(why Kubernetes {release} calls it: sent by {operations})',
  noOperationSends: 'no kubelet operation sends it',
  newIn14: 'New in 1.4',
  removedIn: 'Removed in API',
  experimental: 'experimental',
  articleWrong: 'Article wrong',
  articleWrongTitle: 'The article ticks it, but the Kubernetes source never calls it.',
  statusDiffers: 'Doc ≠ daemon',
  statusDiffersTitle: 'The documented status codes differ from what Docker 1.12 really sent.',
  notInArticle: 'not in the article',
  noRows: 'No endpoint matches these filters.',
  legend: 'Legend',
  legendTick: '✓ called by the Kubernetes source at the release tag; ✗ not called.',
  legendArticle: '“article says” marks a tick where the article disagrees with the source.',
  // Versions
  legendLink: 'What the badges and ticks mean ↓',
  colK8s: 'Accepted by Kubernetes',
  yes: 'yes',
  no: 'no',
  // Detail
  loading: 'Loading…',
  viewFailed:
    'This view stopped with an error: {message}. Your other views and the daemon’s state are kept.',
  viewFailedBack: 'Open the endpoint matrix',
  sinceApi: 'Since API',
  // Playground
  navPlayground: 'Playground',
  colRunning: 'Running',
  // Lessons
  navCompare: 'Compare',
  navLessons: 'Lessons',
  // Summary
  summaryRemovedRows:
    'Docker {release} offers {count} of the {total} endpoints of API 1.24; rows shown that API 1.24 removed: {removed}.',
  summary:
    'Kubernetes 1.4 calls {k14} of {total} endpoints, {delta} more than 1.3 ({k13}); the article ticks {a14} and {a13}. Showing {shown} of {rows} rows.',
  footer:
    'Facts from moby/moby at v1.12.6 and kubernetes/kubernetes at v1.2.0, v1.3.0 and v1.4.0. Docker reference text © Docker, Inc., Apache-2.0.',
} as const

/** The first page's strings; the other views' are in view-messages.ts and *-messages.ts. */
export type Messages = Record<keyof typeof en, string>
export type MessageKey =
  | keyof typeof en
  | FeatureMessageKey
  | CompareMessageKey
  | ClassroomMessageKey
  | KubeletMessageKey
  | ViewMessageKey
