// Full-width punctuation in English text (issue 14 item 19: "Month：2026-09",
// "Option 1：…", "Service package（Unstable）"). Screens join pieces of text
// with `t.punct` (full-width in Chinese, ASCII in English, decision 1444), so
// no component writes a full-width colon, semicolon, comma, list mark or
// bracket itself; Chinese ones belong in the Chinese dictionaries.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';

const WEB = path.resolve(import.meta.dirname, '..');
const FULL_WIDTH = /[：；，、（）]/;

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !/-dict\.ts$|\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** A source line without its comments and without the character classes of regular expressions (`/[,，\s]+/` reads both commas). */
const code = (line: string) =>
  line
    .replace(/\{\/\*.*?\*\/\}|\/\*.*?\*\/|(^|[^:])\/\/.*$/g, '$1')
    .replace(/^\s*\*.*$/, '')
    .replace(/\/\[[^\]]*\][^/]*\//g, '//');

describe('English text has no full-width punctuation', () => {
  it('written by a screen itself (it comes from t.punct)', () => {
    const found: string[] = [];
    for (const file of sources(WEB))
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (FULL_WIDTH.test(code(line))) found.push(`${path.relative(WEB, file)}:${i + 1}: ${line.trim().slice(0, 100)}`);
        });
    expect(found).toEqual([]);
  });

  it('in the English dictionary', () => {
    const found: string[] = [];
    const walk = (node: unknown, at: string) => {
      let text: string | undefined;
      if (typeof node === 'string') text = node;
      else if (typeof node === 'function') {
        try {
          text = String(node(...Array.from({ length: Math.max(node.length, 1) }, () => 1)));
        } catch {
          return;
        }
      } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${at}.${k}`);
      if (text !== undefined && FULL_WIDTH.test(text)) found.push(`${at}: ${text}`);
    };
    walk(en, 'en');
    expect(found).toEqual([]);
  });
});
