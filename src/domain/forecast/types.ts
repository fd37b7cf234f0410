import type { EventCalendar } from './events.js';

/** One weekly series on the panel's common week axis (index 0 = the panel's first week). */
export type WeeklySeries = {
  key: string;
  /** Stated demand per week (需求量); 0 where nothing was asked, NaN before the series starts. */
  values: Float64Array;
  /** 1 where the limit bound that week (可用量 < 需求量): the week's demand was rationed. */
  bound?: Uint8Array;
  /** 1 where the observed value is only a lower bound of demand (trained one-sided). */
  censored?: Uint8Array;
  /** Attributes coded as numbers (tier, format, market, grid, price class, …); the same order for every series of a panel. */
  attrs?: number[];
};

export type Panel = {
  /** Week index (weeks.ts) of position 0. */
  firstWeek: number;
  /** Number of weeks on the axis. */
  weeks: number;
  series: WeeklySeries[];
  calendar: EventCalendar;
  attrNames?: string[];
};
