// Money is written one way (issue 14 item 18: "¥1,825,772.70, ¥3333.05,
// 5393.40, ¥6702"): every amount on a screen goes through formatYuan
// (shared/money.ts, ¥1,234.50). No web source writes a yuan sign before a
// raw value or formats an amount itself.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname);
const OWN_MONEY = /[aA]mount\)?\.(toFixed|toLocaleString)\(|¥\{|¥\$\{/;

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

it('every amount on a screen is formatted by formatYuan', () => {
  const found: string[] = [];
  for (const file of sources(WEB))
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (OWN_MONEY.test(line)) found.push(`${path.relative(WEB, file)}:${i + 1}: ${line.trim().slice(0, 100)}`);
      });
  expect(found).toEqual([]);
});
