import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { matrixRowsPlugin } from './scripts/vite-plugin-matrix-rows.ts'

// `base` lets the same build be hosted under any sub-path (the e2e tests use /explorer/).
export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), matrixRowsPlugin()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The simulated daemon is a pure model (no module registers anything when loaded): a
      // module of it whose exports nobody uses can go. Without this, url-state's one import of
      // the daemon's version list (through src/daemon/index.ts) kept every daemon module its
      // index re-exports, ~60 KB gzipped, on the first page.
      treeshake: { moduleSideEffects: (id: string) => !/\/src\/daemon\//.test(id) },
    },
  },
})
