// Every feature's rows of the authorisation matrix. A feature adds one import and one line in MATRIX.
import { retailerFile } from './retailer-file.js';
import { rating } from './rating.js';
import { grids } from './grids.js';
import { visits } from './visits.js';
import { ordering } from './ordering.js';
import { orderCorrections } from './order-corrections.js';
import { settlement } from './settlement.js';
import { jobs } from './jobs.js';
import { desk } from './desk.js';
import { deskcal } from './deskcal.js';
import { notices } from './notices.js';
import { surveys } from './surveys.js';
import { measures } from './measures.js';
import { orgTree } from './org-tree.js';
import { cultivation } from './cultivation.js';
import { care } from './care.js';
import { home } from './home.js';
import { forecast } from './forecast.js';
import { users } from './users.js';
import type { MatrixCall, MatrixContext, MatrixModule } from './types.js';

export const MATRIX: MatrixModule[] = [
  retailerFile,
  rating,
  grids,
  visits,
  ordering,
  orderCorrections,
  settlement,
  jobs,
  desk,
  deskcal,
  notices,
  surveys,
  measures,
  orgTree,
  cultivation,
  care,
  home,
  users,
  // Last: its run call stops the job runner.
  forecast,
];

/** Every module's rows for one county, after forgetting what an earlier file's county left in the modules. */
export function matrixCalls(ctx: MatrixContext): MatrixCall[] {
  for (const m of MATRIX) m.reset?.();
  return MATRIX.flatMap((m) => m.calls(ctx));
}
