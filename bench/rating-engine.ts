// The pure rating engine alone on synthetic inputs: `npx tsx bench/rating-engine.ts [retailers]`
// (the database batch is bench/rating.ts).
// Builds two months for a province-size population, rates the first, then
// times the second (with movers against the first). Last line is JSON.
import { createRandom } from '../src/domain/routing/random.js';
import { DEFAULT_SCHEME } from '../src/domain/rating/default-scheme.js';
import { runMonthlyBatch } from '../src/domain/rating/monthly-batch.js';
import type { BusinessFormat, ComplianceClass, RetailerMonthInput, StoreImage } from '../src/domain/rating/types.js';

const N = Number(process.argv[2] ?? 300_000);
const FORMATS: BusinessFormat[] = ['Z', 'Z', 'Z', 'B', 'B', 'S', 'N', 'Y', 'F', 'Q'];
const CLASSES: ComplianceClass[] = ['A', 'A', 'A', 'B', 'B', 'C', 'W'];
const IMAGES: StoreImage[] = ['A', 'B', 'B', 'C', 'C', 'D'];

function month(seed: number): RetailerMonthInput[] {
  const rnd = createRandom(seed);
  const size = createRandom(1); // the same shops each month, with noise on top
  const out: RetailerMonthInput[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const base = 20 + Math.floor(size.next() ** 2 * 900);
    const weekly = Array.from({ length: 26 }, () => (rnd.next() < 0.08 ? 0 : Math.round(base / 4.3 * (0.6 + rnd.next() * 0.8))));
    const cartons = weekly.slice(-4).reduce((a, b) => a + b, 0);
    const price = 70 + rnd.int(110);
    const class1 = Math.floor(cartons * rnd.next() * 0.3);
    out[i] = {
      retailerId: String(1_000_000 + i),
      network: size.next() < 0.3 ? 'urban' : 'rural',
      format: FORMATS[size.int(FORMATS.length)],
      orders: {
        cartons,
        valueYuan: cartons * price,
        class1Cartons: class1,
        class1ValueYuan: class1 * 240,
        class2PlusCartons: Math.floor(cartons * 0.5),
        brands: 5 + rnd.int(50),
        cycles: 4,
        cyclesOrdered: weekly.slice(-4).filter((q) => q > 0).length,
      },
      weeklyCartons: weekly,
      complianceClass: CLASSES[rnd.int(CLASSES.length)],
      storeImage: IMAGES[rnd.int(IMAGES.length)],
      eSettlementSuccessPct: rnd.next() < 0.15 ? null : 85 + rnd.int(16),
      newBrandListings: rnd.int(4),
      feedbackCount: rnd.int(5),
      history: { bestMonthCartons: cartons * 1.2, bestClass1SharePct: 30 },
    };
  }
  return out;
}

const prevInputs = month(202609);
const curInputs = month(202610);
const prev = runMonthlyBatch({ month: '2026-09', scheme: DEFAULT_SCHEME, retailers: prevInputs });
const t0 = performance.now();
const cur = runMonthlyBatch({ month: '2026-10', scheme: DEFAULT_SCHEME, retailers: curInputs, previous: prev.ratings });
const seconds = (performance.now() - t0) / 1000;
const rank = runMonthlyBatch({ month: '2026-10', scheme: { ...DEFAULT_SCHEME, star: { ...DEFAULT_SCHEME.star, mode: 'rank' } }, retailers: curInputs, previous: prev.ratings });
const rankSeconds = (performance.now() - t0) / 1000 - seconds;

console.log('stars (urban, rural):', JSON.stringify(cur.distribution.star));
console.log('segments:', JSON.stringify(cur.distribution.segment));
console.log('movers:', JSON.stringify({ ...cur.movers, list: cur.movers.list.length }));
console.log('rank-mode star lines:', JSON.stringify(rank.starCutoffs));
console.log(JSON.stringify({ retailers: N, seconds: Number(seconds.toFixed(3)), rank_mode_seconds: Number(rankSeconds.toFixed(3)) }));
