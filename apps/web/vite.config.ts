import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server the dev proxy forwards to; SHUYUAN_API_URL points it elsewhere (another port, a remote test install).
const server = process.env.SHUYUAN_API_URL ?? 'http://localhost:8080';

/** Vite config of the web app: React, the `@/` alias, and a dev proxy to the API server. */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Ant Design alone is larger than the default limit; the portals themselves are split lazily.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': server,
      '/gateway': server,
      '/healthz': server,
      '/readyz': server,
      '/openapi.json': server,
      '/docs': server,
    },
  },
});
