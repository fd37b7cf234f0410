// The web UI: sources in src/web, built into dist/web which the API server
// serves with an SPA fallback. In dev, API and docs calls go to the server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Brotli and gzip copies of every text asset next to it (main.js.br,
 * main.js.gz), made once at build time at the highest levels; the server
 * sends the one the browser accepts (@fastify/static preCompressed).
 */
function precompress(): Plugin {
  const outDir = path.join(root, 'dist/web');
  return {
    name: 'zhiyin-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|webmanifest)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * Only the Chinese of the dictionaries in the first load (decision 0915). Each
 * feature's `*-dict.ts` holds both languages, the English declared `satisfies`
 * the Chinese beside it; but a module lives in one chunk, so with zh.ts in the
 * first load and en.ts fetched on demand, every dictionary and with it all the
 * English stayed in the first load. Here the dictionaries that en.ts reaches are
 * built from a copy of their file (`x-dict.ts?lang=en`): tree-shaking leaves the
 * copy only its English, in en.ts's chunk, and the original only its Chinese.
 * The sources stay as they are, both languages side by side.
 */
function englishDictionariesApart(): Plugin {
  const EN = '?lang=en';
  const enHub = path.join(root, 'src/web/i18n/en.ts');
  return {
    name: 'zhiyin-english-dictionaries-apart',
    apply: 'build',
    // Before Vite's own resolver, which would otherwise answer first.
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || (importer !== enHub && !importer.endsWith(EN))) return null;
      const resolved = await this.resolve(source, importer.replace(EN, ''), { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      if (!/-dict\.ts$/.test(resolved.id)) {
        // A dictionary named otherwise would stay whole in the first load, English and all, and nobody would notice.
        if (importer === enHub) this.error(`i18n/en.ts imports ${source}: dictionaries are files named *-dict.ts (decision 0915)`);
        return resolved;
      }
      return { ...resolved, id: `${resolved.id}${EN}` };
    },
    load(id) {
      if (id.endsWith(EN)) return { code: fs.readFileSync(id.slice(0, -EN.length), 'utf8'), moduleType: 'ts' };
      return null;
    },
  };
}

export default defineConfig({
  root: path.join(root, 'src/web'),
  plugins: [react(), englishDictionariesApart(), precompress()],
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/docs': 'http://localhost:3000',
    },
  },
});
