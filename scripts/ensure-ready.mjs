// Runs before `npm start` and `npm test`: installs dependencies when they are
// missing or older than the lockfile, and builds the web UI when its sources
// changed since the last build. A fresh clone needs nothing done by hand.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const marker = path.join(root, 'node_modules/.package-lock.json');
const lock = path.join(root, 'package-lock.json');
// A node_modules that is a symbolic link belongs to another checkout (a git worktree sharing the main one's
// install): `npm ci` here would first empty the linked directory — everyone else's install — then replace the
// link. Never reinstall through a link; the owner of the install keeps it current.
const linked = fs.existsSync(path.join(root, 'node_modules')) && fs.lstatSync(path.join(root, 'node_modules')).isSymbolicLink();
if (linked) {
  if (!fs.existsSync(marker)) console.warn('node_modules is a link to another checkout and looks incomplete; not reinstalling through it.');
} else if (!fs.existsSync(marker) || fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs) {
  console.log('安装依赖 installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

const webIndex = path.join(root, 'dist/web/index.html');
const sources = [path.join(root, 'src/web'), path.join(root, 'src/shared')];
const built = fs.existsSync(webIndex) ? fs.statSync(webIndex).mtimeMs : 0;
const changed = Math.max(...sources.filter((d) => fs.existsSync(d)).map(newestMtime), fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs);
if (changed > built) {
  console.log('构建前端 building the web UI (vite build)…');
  run('npx vite build --config vite.config.ts --logLevel warn');
}
