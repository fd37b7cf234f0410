// The layers of docs/architecture.md, enforced: every relative import in src/
// is checked against what its layer may reach. Type-only imports count too:
// a web screen typed against a domain module breaks when the domain changes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname);

/** For each layer, the layers it may import (itself always allowed). */
const allowed: Record<string, string[]> = {
  shared: [],
  domain: ['shared'],
  solver: ['domain', 'shared'],
  db: ['domain', 'shared'],
  app: ['db', 'domain', 'shared', 'solver', 'jobs'],
  jobs: ['app', 'db', 'domain', 'shared', 'solver'],
  server: ['app', 'jobs', 'domain', 'shared', 'solver'],
  web: ['shared'],
  cli: ['app', 'jobs', 'db', 'domain', 'server', 'shared', 'solver'],
};

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;
  for (let m = re.exec(text); m; m = re.exec(text)) specs.push(m[2]!);
  return specs;
}

const layerOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

function violations(): string[] {
  const found: string[] = [];
  for (const file of walk(SRC)) {
    const from = layerOf(file);
    if (!(from in allowed)) {
      if (path.dirname(file) !== SRC) found.push(`${path.relative(SRC, file)}: folder '${from}' is not a known layer`);
      continue;
    }
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(SRC + path.sep)) continue;
      const to = layerOf(target);
      if (to !== from && !allowed[from]!.includes(to)) found.push(`${path.relative(SRC, file)} imports ${to}/ (${spec})`);
    }
  }
  return found;
}

describe('layers', () => {
  it('finds imports of every form', () => {
    const text = `import a from '../db/x.js';\nimport type { B } from "../app/y.js";\nexport { c } from '../server/z.js';\nconst w = new URL('./w.mjs', import.meta.url);\nawait import('../jobs/q.js');\nimport './side.js';`;
    expect(importsOf(text)).toEqual(['../db/x.js', '../app/y.js', '../server/z.js', './w.mjs', '../jobs/q.js', './side.js']);
  });

  it('no layer reaches one it must not (domain→shared only, db→never app/jobs/server/web, web→shared only, server→never db)', () => {
    expect(violations()).toEqual([]);
  });
});
