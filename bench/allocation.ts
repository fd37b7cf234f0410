// Province-scale allocation: `npm run bench:allocation [retailers] [products]`.
// Synthetic retailers in 30 tiers (a fixed share per tier, ~27% urban) with a
// per-product cap from "history"; 40 scarce products with supply between 15%
// and 70% of what retailers could sell, market tilt by price class. Times the
// fast method over all products (groups built from per-retailer caps, quotas,
// per-retailer limits), then solves each product's LP with HiGHS in a worker
// thread for the gap. Last line is JSON.
import { allocateProduct } from '../src/domain/allocation/allocate-product.js';
import { buildGroups, groupAllocated } from '../src/domain/allocation/build-groups.js';
import { buildLpModel } from '../src/domain/allocation/lp-model.js';
import type { AllocationProblem } from '../src/domain/allocation/types.js';
import { createRandom } from '../src/domain/routing/random.js';
import { solveLp, stopLpWorker } from '../src/solver/solve-lp.js';

const N = Number(process.argv[2] ?? 300_000);
const P = Number(process.argv[3] ?? 40);
const TIERS = 30;
const MAX_QUOTA = 30;

const rnd = createRandom(42);
const tier = new Uint8Array(N);
const market = new Uint8Array(N);
const volume = new Float64Array(N);
for (let i = 0; i < N; i++) {
  tier[i] = 1 + Math.floor((i / N) * TIERS); // equal share per tier
  market[i] = rnd.next() < 0.27 ? 0 : 1;
  volume[i] = (0.4 + rnd.next() * 1.2) * (tier[i] / 6 + 0.5);
}
type Product = { caps: Uint8Array; supply: number; urban: number; rural: number };
function makeProducts(count: number, minShare: number, maxShare: number): Product[] {
const products: Product[] = [];
for (let p = 0; p < count; p++) {
  const caps = new Uint8Array(N);
  const scale = 0.5 + rnd.next() * 1.3;
  const priceClass = 1 + (p % 5);
  let demand = 0;
  for (let i = 0; i < N; i++) {
    const c = rnd.next() < 0.15 ? 0 : Math.min(MAX_QUOTA, Math.floor(volume[i] * scale * (0.5 + rnd.next())));
    caps[i] = c;
    demand += c;
  }
  const high = priceClass <= 2;
  products.push({ caps, supply: Math.floor(demand * (minShare + rnd.next() * (maxShare - minShare))), urban: high ? 1.4 : priceClass >= 4 ? 0.7 : 1, rural: high ? 0.7 : priceClass >= 4 ? 1.4 : 1 });
}
return products;
}
const products = makeProducts(P, 0.2, 0.7);

const problems: AllocationProblem[] = [];
const t0 = performance.now();
let allocatedTotal = 0;
let supplyTotal = 0;
const objectives: number[] = [];
const limit = new Uint8Array(N);
for (const pr of products) {
  const p: AllocationProblem = {
    supply: pr.supply,
    tierCount: TIERS,
    policy: { marketWeight: { urban: pr.urban, rural: pr.rural }, minTier: 0, tierExponent: 1, maxQuota: MAX_QUOTA },
    groups: buildGroups({ tier, market, cap: pr.caps }, TIERS, MAX_QUOTA),
  };
  const r = allocateProduct(p);
  // Per-retailer limits, as publishing would write them.
  const quota = new Uint8Array(TIERS * 2);
  r.quotas.forEach((q) => (quota[(q.tier - 1) * 2 + (q.market === 'urban' ? 0 : 1)] = q.quota));
  let check = 0;
  for (let i = 0; i < N; i++) {
    const l = Math.min(quota[(tier[i] - 1) * 2 + market[i]], pr.caps[i]);
    limit[i] = l;
    check += l;
  }
  if (check !== r.allocated || check > pr.supply) throw new Error('allocation does not add up');
  allocatedTotal += r.allocated;
  supplyTotal += pr.supply;
  objectives.push(r.objective);
  problems.push(p);
}
const seconds = (performance.now() - t0) / 1000;
console.log(`fast method: ${N} retailers, ${P} products in ${seconds.toFixed(2)} s; ${allocatedTotal} of ${supplyTotal} cartons allocated (${((allocatedTotal / supplyTotal) * 100).toFixed(2)}%)`);

const t1 = performance.now();
let maxGap = 0;
let sumGap = 0;
let lpTotal = 0;
let oursTotal = 0;
let worst = 0;
let worstLp = 0;
for (let i = 0; i < problems.length; i++) {
  const lp = await solveLp(buildLpModel(problems[i]));
  if (lp.status !== 'Optimal') throw new Error(`LP ${i}: ${lp.status}`);
  const gap = ((lp.objective - objectives[i]) / lp.objective) * 100;
  if (gap < -1e-6) throw new Error(`LP ${i} below the integer allocation: ${lp.objective} < ${objectives[i]}`);
  if (gap > maxGap) {
    worst = i;
    worstLp = lp.objective;
  }
  maxGap = Math.max(maxGap, gap);
  lpTotal += lp.objective;
  oursTotal += objectives[i];
  if (process.env.BENCH_VERBOSE) console.log(i, gap.toFixed(4), problems[i].supply, JSON.stringify(problems[i].policy.marketWeight));
  sumGap += gap;
}
const lpSeconds = (performance.now() - t1) / 1000;
// Stress: very scarce products (supply 3–10% of what retailers could sell, a
// few whole tier layers in all). Here whole-carton quotas themselves sit far
// from the LP, so the exact integer optimum (HiGHS MIP) is the yardstick.
const stress = makeProducts(3, 0.03, 0.1);
for (const pr of stress) {
  const p: AllocationProblem = {
    supply: pr.supply,
    tierCount: TIERS,
    policy: { marketWeight: { urban: pr.urban, rural: pr.rural }, minTier: 0, tierExponent: 1, maxQuota: MAX_QUOTA },
    groups: buildGroups({ tier, market, cap: pr.caps }, TIERS, MAX_QUOTA),
  };
  const r = allocateProduct(p);
  const lp = await solveLp(buildLpModel(p));
  const mip = await solveLp(buildLpModel(p, { integer: true }));
  console.log(
    `very scarce (supply ${pr.supply}, ${(pr.supply / N).toFixed(3)} cartons/retailer): gap to LP ${(((lp.objective - r.objective) / lp.objective) * 100).toFixed(3)}%, ` +
      `integer optimum (MIP ${mip.status}) to LP ${(((lp.objective - mip.objective) / lp.objective) * 100).toFixed(3)}%, ours to MIP ${(((mip.objective - r.objective) / mip.objective) * 100).toFixed(3)}%`,
  );
}
const totalGap = ((lpTotal - oursTotal) / lpTotal) * 100;
console.log(
  `HiGHS LP (worker thread): ${P} products in ${lpSeconds.toFixed(2)} s; gap to the LP optimum over all products ${totalGap.toFixed(4)}%, ` +
    `per product max ${maxGap.toFixed(4)}%, mean ${(sumGap / P).toFixed(4)}%`,
);
// The worst product: how far is the exact integer optimum itself from the LP?
const worstMip = await solveLp(buildLpModel(problems[worst], { integer: true }));
const worstIntGap = ((worstLp - worstMip.objective) / worstLp) * 100;
console.log(
  `worst product ${worst}: integer optimum (MIP ${worstMip.status}) is ${worstIntGap.toFixed(4)}% below the LP; ours is ${(((worstMip.objective - objectives[worst]) / worstMip.objective) * 100).toFixed(4)}% below the integer optimum`,
);
await stopLpWorker();
console.log(
  JSON.stringify({
    retailers: N,
    products: P,
    seconds: Number(seconds.toFixed(3)),
    lp_gap_pct: Number(totalGap.toFixed(4)),
    lp_gap_max_pct: Number(maxGap.toFixed(4)),
    worst_product_integer_optimum_gap_pct: Number(worstIntGap.toFixed(4)),
    lp_gap_mean_pct: Number((sumGap / P).toFixed(4)),
    lp_seconds: Number(lpSeconds.toFixed(3)),
    supply_used_pct: Number(((allocatedTotal / supplyTotal) * 100).toFixed(3)),
  }),
);
