// Runs a command with the same stdio and exit code, and writes the CPU seconds
// it and its descendants used (Linux: cutime + cstime of this wrapper) to fd 3
// when the caller opened one. `npm test` uses it to print each step's CPU when
// steps run side by side.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const [cmd, ...args] = process.argv.slice(2);
const child = spawn(cmd, args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('close', (code, signal) => {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    fs.writeSync(3, String((Number(fields[13]) + Number(fields[14])) / 100));
  } catch {
    // No /proc, or no fd 3: no figure.
  }
  process.exit(code ?? (signal ? 1 : 0));
});
