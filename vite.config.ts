import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { matrixRowsPlugin } from './scripts/vite-plugin-matrix-rows.ts'

// A deployment label (VITE_APP_BUILD) also goes into every chunk's name, so two labelled builds
// share no file: the update test (e2e/offline.spec.ts) can tell if a page mixes them.
const label = process.env.VITE_APP_BUILD
const labelled = label
  ? {
      entryFileNames: `assets/[name]-${label}-[hash].js`,
      chunkFileNames: `assets/[name]-${label}-[hash].js`,
    }
  : {}
// The embed entry (src/app/embed/, iframes in articles and slides) is a build of its own
// (`vite build --mode embed`, into the same dist/): sharing chunks with the app split the first
// page's modules into more, smaller chunks and cost it about 1 KB gzipped.

/** Shared by the first page and lazy views: React, TanStack Table, the URL codecs, small UI. */
const FIRST_PAGE_SHARED =
  /node_modules\/(react|react-dom|scheduler|@tanstack|use-sync-external-store)\/|\/src\/(components\/(app-link|copy-embed|filter-fields|method-badge|sortable-header|sortable-table|tick)\.tsx|lib\/(storage|url-codec|view-link)\.ts|lib\/i18n\/(en|index|languages)\.tsx?|lib\/daemon-client\/client-request\.ts|domain\/(version|vocabulary)\.ts|daemon\/version\.ts|features\/[^/]+\/[^/]+-url\.ts|hooks\/use-navigation\.tsx)$|virtual:catalog|vite\/preload-helper/

// `base` lets the same build be hosted under any sub-path (the e2e tests use /explorer/).
export default defineConfig(({ isSsrBuild, mode }) => ({
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), matrixRowsPlugin()],
  resolve: {
    alias: [
      // @tanstack/react-store imports the shim, which carries a fallback useSyncExternalStore
      // for React < 18; React 19 has its own, and the non-shim entry uses it (~0.3 KB gzipped
      // off the first page, which sorts the matrix through TanStack Table).
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The prerender step imports the SSR entry by its plain name.
    rolldownOptions: isSsrBuild
      ? {}
      : {
          ...(mode === 'embed' ? { input: { embed: 'embed.html' } } : {}),
          // The simulated daemon is a pure model (no module registers anything when loaded): a
          // module of it whose exports nobody uses can go. Without this, the playground URL
          // codec's one import of the daemon's version list (through src/daemon/index.ts) kept
          // every daemon module its index re-exports, ~60 KB gzipped, on the first page.
          treeshake: { moduleSideEffects: (id: string) => !/\/src\/daemon\//.test(id) },
          // The modules every first visit loads beside the entry, in one chunk instead of a dozen:
          // left alone, the bundler splits each module that a lazy view shares with the first page
          // into a chunk of its own (200–800 bytes each), and every extra file costs its import
          // lines and its own gzip dictionary. Only modules the matrix page imports anyway belong
          // here, so no lazy view's code moves onto the first page (npm run bench lists the files).
          output: {
            ...labelled,
            // Not for the embed build: its matrix is drawn without React and must not load it.
            ...(mode === 'embed'
              ? {}
              : { codeSplitting: { groups: [{ name: 'first-page', test: FIRST_PAGE_SHARED }] } }),
          },
        },
    // OUT_DIR builds elsewhere than dist/ (the update test builds a second deployment while the
    // other end-to-end tests are served from dist/); prerender and service-worker read it too.
    outDir: process.env.OUT_DIR ?? 'dist',
    emptyOutDir: mode !== 'embed',
  },
}))
