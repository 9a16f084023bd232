// Builds the sandboxed renderer. `base: './'` keeps asset URLs relative so the
// bundle loads from wherever main serves it (file:// or a custom protocol).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    // Our CSP forbids inline scripts and data: fonts; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
