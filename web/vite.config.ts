import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Writes a .br and a .gz beside every script and stylesheet, which the server sends to browsers that accept them
 * (@fastify/static `preCompressed`): about 2.3 MB of code travels as about 0.6 MB, without compressing per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'onegrid-precompress',
    apply: 'build',
    configResolved: (c) => void (outDir = c.build.outDir),
    async closeBundle() {
      const dir = path.join(outDir, 'assets');
      const files = fs.readdirSync(dir).filter((f) => /\.(js|css)$/.test(f) && fs.statSync(path.join(dir, f)).size > 1024);
      await Promise.all(files.map(async (f) => {
        const data = await fs.promises.readFile(path.join(dir, f));
        const br = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
        await fs.promises.writeFile(path.join(dir, f + '.br'), br);
        await fs.promises.writeFile(path.join(dir, f + '.gz'), zlib.gzipSync(data, { level: 9 }));
      }));
    },
  };
}

/**
 * The modules the light entry (web/src/h5-light/main.tsx) loads up front, found by walking its static imports once per
 * build. Those it shares with the back office (React, the API client, the catalogues…) go to one chunk, `light-base`, so
 * a phone on a slow network fetches the light pages in three files (entry, light-base, stylesheet), not in ten. The back
 * office loads light-base too: it needs all of it.
 */
function lightBase(): (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => string | null {
  const entry = path.join(root, 'src/h5-light/main.tsx');
  const own = path.join(root, 'src/h5-light') + path.sep;
  let graph: Set<string> | null = null;
  return (id, ctx) => {
    if (!graph) {
      graph = new Set([entry]);
      for (const m of graph) for (const next of ctx.getModuleInfo(m)?.importedIds ?? []) graph.add(next);
    }
    // The bundler's runtime and Vite's preload polyfill, which every page loads, travel with it too.
    return (graph.has(id) && !id.startsWith(own)) || /modulepreload-polyfill|rolldown[\\/]runtime/.test(id) ? 'light-base' : null;
  };
}

// Built into web/dist, which the Fastify server serves at /; in dev the API is proxied to it.
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // Two pages: the back office (index.html) and the light pages for residents' phones and the public (h5.html,
    // web/src/h5-light), which share no chunk with the back office's Ant Design code.
    rolldownOptions: {
      input: { main: path.join(root, 'index.html'), h5: path.join(root, 'h5.html') },
      output: { codeSplitting: { groups: [{ name: lightBase() }] } },
    },
  },
  server: {
    // Keep the browser's Host header: the server refuses writes whose Origin does not match it.
    // ONEGRID_API points the proxy at a server on another port.
    proxy: { '/api': { target: process.env.ONEGRID_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
