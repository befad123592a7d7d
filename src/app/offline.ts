import { translator } from '../lib/i18n/index.tsx'

/**
 * Registers the app's service worker (dist/sw.js, scripts/service-worker.ts): every view works
 * offline after one visit. When a new deployment's worker has installed and waits, a notice
 * offers to reload; only that click lets it take over, so a page never runs two builds' chunks.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const register = () =>
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).then(watch, () => {
      // No worker (private mode, an insecure origin): the app still works online.
    })
  // When the page is idle: caching the build's files competes with the first page for a slow
  // machine's cores and network otherwise.
  const whenIdle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : register()
  if (document.readyState === 'complete') whenIdle()
  else window.addEventListener('load', whenIdle, { once: true })
}

function watch(registration: ServiceWorkerRegistration): void {
  const notify = () => {
    // A first install has no page to update: it only starts caching.
    if (registration.waiting && navigator.serviceWorker.controller) showNotice(registration.waiting)
  }
  notify()
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') notify()
    })
  })
  // A tab left open through a class looks for a new build when it is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {})
  })
}

function showNotice(waiting: ServiceWorker): void {
  if (document.querySelector('.update-notice')) return
  const t = translator(document.documentElement.lang.startsWith('zh') ? 'zh' : 'en')
  const notice = document.createElement('div')
  notice.className = 'update-notice'
  notice.setAttribute('role', 'status')
  const reload = document.createElement('button')
  reload.type = 'button'
  reload.textContent = t('updateReload')
  reload.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload())
    waiting.postMessage({ type: 'SKIP_WAITING' })
  })
  notice.append(t('updateReady'), ' ', reload)
  document.body.append(notice)
}
