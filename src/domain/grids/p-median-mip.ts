// The exact p-median model as CPLEX LP text for HiGHS: binary y_j opens
// candidate j, x_ij assigns demand i to j (only pairs within reach), u_i marks
// a demand left uncovered at its penalty cost.
import type { PMedianProblem, PMedianSolution } from './p-median.js';
import { evaluate } from './p-median.js';

export function pMedianLp(problem: PMedianProblem): string {
  const w = problem.weight ?? (() => 1);
  const obj: string[] = [];
  const rows: string[] = [];
  const used = new Set<number>();
  for (let i = 0; i < problem.demands; i++) {
    const terms: string[] = [];
    for (let j = 0; j < problem.candidates; j++) {
      const d = problem.distance(i, j);
      if (!Number.isFinite(d)) continue;
      used.add(j);
      obj.push(`${(w(i) * d).toFixed(6)} x_${i}_${j}`);
      terms.push(`x_${i}_${j}`);
      rows.push(` l_${i}_${j}: x_${i}_${j} - y_${j} <= 0`);
    }
    obj.push(`${(w(i) * problem.uncoveredCost).toFixed(6)} u_${i}`);
    rows.push(` a_${i}: ${[...terms, `u_${i}`].join(' + ')} = 1`);
  }
  const ys = Array.from({ length: problem.candidates }, (_, j) => `y_${j}`);
  rows.push(` p: ${ys.join(' + ')} = ${Math.min(problem.p, problem.candidates)}`);
  const wrap = (terms: string[]) => terms.reduce((lines, t) => {
    const last = lines[lines.length - 1];
    if (last.length > 200) lines.push(` + ${t}`);
    else lines[lines.length - 1] = last ? `${last} + ${t}` : ` ${t}`;
    return lines;
  }, ['']).join('\n');
  return [
    'Minimize',
    ` obj:${wrap(obj)}`,
    'Subject To',
    ...rows.map((r) => r.replace(/^( [a-z_0-9]+: )(.*)$/, (_, head: string, body: string) => head + wrap(body.split(' + ')).trimStart())),
    'Bounds',
    ...Array.from({ length: problem.demands }, (_, i) => ` 0 <= u_${i} <= 1`),
    'Binary',
    ...ys.map((y) => ` ${y}`),
    'End',
    '',
  ].join('\n');
}

/** The solution the MIP's open points give (assigned to the nearest open point, as in the heuristic). */
export function fromMipColumns(problem: PMedianProblem, columns: Record<string, { Primal: number }>): PMedianSolution {
  const open: number[] = [];
  for (let j = 0; j < problem.candidates; j++) if ((columns[`y_${j}`]?.Primal ?? 0) > 0.5) open.push(j);
  return evaluate(problem, open);
}
