// Every kind of object a use-case writes to the audit log has a name in both
// languages: the log showed "onboarding · #2" and "notice_campaign · #3"
// where a reader expects 新办户 and 人工通知 (issue 14 item 7).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntityLabels } from './audit.js';

const SRC = path.resolve(import.meta.dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('audit object names', () => {
  it('every entity written to the audit log is named in Chinese and English', () => {
    const written = new Set<string>();
    for (const file of [...sources(path.join(SRC, 'app')), ...sources(path.join(SRC, 'jobs'))])
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/entity: '([a-z_]+)'/g)) written.add(m[1]);
    expect(written.size).toBeGreaterThan(30);
    const unnamed = [...written].filter((e) => !auditEntityLabels[e]?.zh || !auditEntityLabels[e]?.en);
    expect(unnamed).toEqual([]);
  });
});
