// Demo forecasts: the forecast job's use-case run once for the demo day, so
// the plan, the order pages and the forecast screen have figures to show.
import type { Db } from '../../db/client.js';
import { computeForecasts } from '../forecast/compute-forecasts.js';

export async function seedDemoForecasts(db: Db, orgId: number, today: Date): Promise<void> {
  await computeForecasts(db, orgId, today, { seed: 1 });
}
