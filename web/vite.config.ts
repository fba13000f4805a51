import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// Built into web/dist, which the Fastify server serves at /; in dev the API is proxied to it.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    // Keep the browser's Host header: the server refuses writes whose Origin does not match it.
    // ONEGRID_API points the proxy at a server on another port.
    proxy: { '/api': { target: process.env.ONEGRID_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
