// The computations that run in a worker thread (src/solver/compute.ts): pure
// functions from plain data to plain data (structured-cloneable: no
// functions, no Maps of closures), each a thin call into src/domain.
import { countNeighbours, pickDenseSpots, type DenseSpot } from '../domain/grids/dense-spots.js';
import { proposeDeliveryPoints, type DeliveryOptions, type DistanceFigures, type Site } from '../domain/grids/delivery-points.js';
import { partitionGrids, type Partition, type PartitionOptions, type PartitionPoint } from '../domain/grids/partition.js';
import { runMonthlyBatch, type MonthlyBatchArgs, type MonthlyBatchResult } from '../domain/rating/monthly-batch.js';
import { matchProposal, type MatchResult } from '../domain/grids/match-proposal.js';
import { memberHull } from '../domain/grids/member-hull.js';
import { tileGrids, type DrawnArea, type GridTiles, type TilePoint } from '../domain/grids/grid-tiles.js';
import type { MultiPolygon, Polygon } from 'geojson';
import { readSheetTable, type SheetRead } from './read-sheet.js';
import { tableXlsx, type TableXlsxInput } from './table-xlsx.js';
import { scoreSheetXlsx } from './score-sheet-file.js';
import { reviewSheetXlsx, type ReviewSheetRow } from './review-sheet-file.js';
import { supplyPlanTemplateXlsx, type SupplyPlanTemplateInput } from './supply-plan-template-file.js';
import type { Drill, ScoreSheet } from '../shared/measures.js';
import {
  backtestPanel,
  fitForecaster,
  forecastFrom,
  forecastRows,
  type Backtest,
  type ForecastColumns,
  type Panel,
  type ProductShares,
} from '../domain/forecast/index.js';
import { planWorkerCycle, type CyclePlan, type CyclePlanRequest, type CycleSolveOptions } from '../domain/visits/plan-worker-cycle.js';

export type DeliveryPointsResult = {
  remote: number;
  points: { id: number; lat: number; lng: number; serves: number[] }[];
  before: DistanceFigures;
  after: DistanceFigures;
  /** The search stopped at its time limit and returned the best points found so far. */
  stoppedEarly: boolean;
};

export const tasks = {
  /**
   * Demand forecasts (decision 1800): one model per panel (shop totals, county × product), forecast from the last
   * week; the product model's backtest; then the run's rows, shop × product from the shops' recent shares, column-wise
   * (decision 0865).
   */
  forecastPanels(input: { shop: Panel; product: Panel; shares: ProductShares; horizons: number; seed: number; trees: number }): {
    rows: ForecastColumns;
    backtest: Backtest | null;
    seconds: Record<string, number>;
  } {
    const seconds: Record<string, number> = {};
    let t = Date.now();
    const lap = (name: string) => {
      seconds[name] = Math.round((Date.now() - t) / 100) / 10;
      t = Date.now();
    };
    const gbt = { trees: input.trees };
    const forecastPanel = (panel: Panel) => {
      if (panel.series.length === 0) return [];
      const f = fitForecaster(panel, panel.weeks - 1, { horizons: input.horizons, seed: input.seed, maxRows: 40_000, gbt });
      return forecastFrom(panel, f, panel.weeks - 1);
    };
    const shop = forecastPanel(input.shop);
    lap('shops');
    const product = forecastPanel(input.product);
    lap('products');
    const backtest = backtestPanel(input.product, { seed: input.seed, maxRows: 40_000, gbt });
    lap('backtest');
    const rows = forecastRows({ panel: input.shop, points: shop }, { panel: input.product, points: product }, input.shares, input.horizons);
    lap('shop_products');
    return { rows, backtest, seconds };
  },

  /** p-median over the remote retailers; the search gives its best after `searchMs`. */
  deliveryPoints(input: { sites: Site[]; towns: { lat: number; lng: number }[]; opts: DeliveryOptions; searchMs: number }): DeliveryPointsResult {
    const p = proposeDeliveryPoints(input.sites, input.towns, input.opts, { timeLimitMs: input.searchMs });
    const stoppedEarly = 'stoppedEarly' in p.solution && p.solution.stoppedEarly === true;
    return { remote: p.remote.length, points: p.points, before: p.before, after: p.after, stoppedEarly };
  },

  /** Neighbour counts of the centres among all active retailers, then the densest separate spots. */
  denseSpots(input: { centres: { id: number; lat: number; lng: number }[]; all: { id: number; lat: number; lng: number }[]; radiusKm: number; minCount: number }): DenseSpot[] {
    const counts = countNeighbours(input.centres, input.all, input.radiusKm);
    const candidates = input.centres.map((c, i) => ({ ...c, neighbours: counts[i] })).filter((c) => c.neighbours + 1 >= input.minCount);
    return pickDenseSpots(candidates, input.radiusKm);
  },

  /** The partition, and which of today's grids each proposed grid continues. */
  gridPartition(input: { points: PartitionPoint[]; opts: PartitionOptions; existing: { id: number; station: number }[]; gridOf: Map<number, number> }): {
    partition: Partition;
    match: MatchResult;
    /** Each proposed grid's area for the map (hulls of 3,000 padded shops took a second on the request thread). */
    areas: (Polygon | null)[];
  } {
    const partition = partitionGrids(input.points, input.opts);
    const match = matchProposal(
      partition.grids.map((g) => ({ station: g.station, members: g.members })),
      input.existing,
      input.gridOf,
    );
    const at = new Map(input.points.map((p) => [p.id, p]));
    const areas = partition.grids.map((g) => memberHull(g.members.map((id) => at.get(id)!)));
    return { partition, match, areas };
  },

  /** The monthly rating of a whole county (Maps cross threads by structured clone). */
  ratingBatch(input: MonthlyBatchArgs): MonthlyBatchResult {
    return runMonthlyBatch(input);
  },

  visitCycle(input: { request: CyclePlanRequest; options: Omit<CycleSolveOptions, 'now'> }): CyclePlan {
    return planWorkerCycle(input.request, input.options);
  },

  /** An uploaded workbook's sheet as rows of text (after the zip guard). */
  readSheet(input: { data: Uint8Array; sheet?: string; skipEmpty?: boolean }): Promise<SheetRead> {
    return readSheetTable(input);
  },

  /** A small table as an .xlsx file (decision 0913). */
  tableXlsx(input: TableXlsxInput): Promise<Uint8Array> {
    return tableXlsx(input);
  },

  /** A score sheet with its drill-down records as an .xlsx file (decision 0913). */
  scoreSheetXlsx(input: { sheet: ScoreSheet; drills: Drill[]; lang: 'zh' | 'en' }): Promise<Uint8Array> {
    return scoreSheetXlsx(input);
  },

  /** The monthly rating review sheet, one worksheet per grid (decision 0913). */
  reviewSheetXlsx(input: { month: string; rows: ReviewSheetRow[] }): Promise<Uint8Array> {
    return reviewSheetXlsx(input);
  },

  /** The weekly supply plan's import template (decision 0913). */
  supplyPlanTemplateXlsx(input: SupplyPlanTemplateInput): Promise<Uint8Array> {
    return supplyPlanTemplateXlsx(input);
  },

  /** Grid areas that tile the county (shops' cells merged per grid), and the overlaps between drawn areas. */
  gridTiles(input: { boundary: Polygon | MultiPolygon | null; points: TilePoint[]; drawn: DrawnArea[] }): GridTiles {
    return tileGrids(input.boundary, input.points, input.drawn);
  },

  /** For tests of the executor itself: spins for `ms` (past a budget), or throws. */
  probe(input: { spinMs?: number; fail?: string }): { spun: number } {
    if (input.fail) throw new Error(input.fail);
    const t = Date.now();
    while (Date.now() - t < (input.spinMs ?? 0));
    return { spun: Date.now() - t };
  },
};

export type ComputeTasks = typeof tasks;
export type ComputeKind = keyof ComputeTasks;
