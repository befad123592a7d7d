import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { matrixRowsPlugin } from './scripts/vite-plugin-matrix-rows.ts'

// A deployment label (VITE_APP_BUILD) also goes into every chunk's name, so two labelled builds
// share no file: the update test (e2e/offline.spec.ts) can tell if a page mixes them.
const label = process.env.VITE_APP_BUILD
const labelled = label
  ? {
      output: {
        entryFileNames: `assets/[name]-${label}-[hash].js`,
        chunkFileNames: `assets/[name]-${label}-[hash].js`,
      },
    }
  : {}
// Two pages: the app, and the embed entry (src/app/embed/) for iframes in articles and slides.
const input = { main: 'index.html', embed: 'embed.html' }

// `base` lets the same build be hosted under any sub-path (the e2e tests use /explorer/).
export default defineConfig(({ isSsrBuild }) => ({
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), matrixRowsPlugin()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // The prerender step imports the SSR entry by its plain name.
    rollupOptions: isSsrBuild ? {} : { ...labelled, input },
  },
}))
