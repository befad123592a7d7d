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
  },
})
