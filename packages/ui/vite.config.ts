import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Built to packages/ui/dist and served by the API at /; in development /v1 goes to the API on :3000. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { '/v1': 'http://127.0.0.1:3000' },
  },
});
