// Writes the index of docs/decisions/ into docs/architecture.md, between its two
// markers, from each record's title line: `node scripts/decisions-index.mjs`.
// Branches that add records both touch only their files; the index is written again after a merge.
import fs from 'node:fs';
import path from 'node:path';

const dir = 'docs/decisions';
const lines = fs
  .readdirSync(dir)
  .filter((f) => /^\d{3,4}-.*\.md$/.test(f) && !f.startsWith('000-'))
  .sort()
  .map((f) => {
    const first = fs.readFileSync(path.join(dir, f), 'utf8').split('\n')[0];
    const title = first.replace(/^#\s*\d{3,4}\s*[:.—-]?\s*/, '').trim();
    return `- [${f.split('-')[0]}](decisions/${f}) ${title}`;
  });
const file = 'docs/architecture.md';
const text = fs.readFileSync(file, 'utf8');
const begin = '<!-- decisions:begin -->';
const end = '<!-- decisions:end -->';
const a = text.indexOf(begin);
const b = text.indexOf(end);
if (a < 0 || b < a) throw new Error(`${file}: the markers ${begin} … ${end} are missing`);
fs.writeFileSync(file, `${text.slice(0, a + begin.length)}\n${lines.join('\n')}\n${text.slice(b)}`);
console.log(`${lines.length} decisions indexed in ${file}`);
