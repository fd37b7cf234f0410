// House style rule 9 (issue 12 item 7, issue 13's leftovers): code labels live
// in one place (src/shared/codes.ts), and nothing switches off the check that
// the English dictionary has the Chinese one's keys.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeLabels } from '../../shared/codes.js';

const WEB = path.resolve(import.meta.dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rel = (f: string) => path.relative(WEB, f);

describe('web dictionaries', () => {
  it('do not restate a code list: a property named after the list, keyed by its codes, with its labels', () => {
    const found: string[] = [];
    for (const file of sources(WEB)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [list, labels] of Object.entries(codeLabels) as [string, Record<string, { zh: string; en: string }>][]) {
        for (const lang of ['zh', 'en'] as const) {
          const entries = Object.entries(labels).map(([code, l]) => `['"]?${esc(code)}['"]?\\s*:\\s*['"\`]${esc(l[lang])}['"\`]`);
          // The list's name, then within its braces an entry for each code (any order).
          const block = new RegExp(`\\b${esc(list)}\\s*:\\s*\\{([^{}]*)\\}`, 'g');
          for (const m of text.matchAll(block)) {
            if (entries.every((e) => new RegExp(e).test(m[1]!))) found.push(`${rel(file)}: ${list} (${lang})`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('are never cast to a plain record (which switches off the zh/en key check)', () => {
    const found: string[] = [];
    for (const file of sources(WEB)) {
      const text = fs.readFileSync(file, 'utf8');
      if (/as unknown as Record<string,\s*string>/.test(text)) found.push(`${rel(file)}: as unknown as Record<string, string>`);
      if (/-dict\.ts$/.test(file) && /\bas Record</.test(text)) found.push(`${rel(file)}: as Record<…> in a dictionary`);
    }
    expect(found).toEqual([]);
  });
});
