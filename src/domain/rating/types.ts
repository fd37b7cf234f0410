// Inputs and results of the rating engine. Months are 'YYYY-MM' strings passed
// in by the caller; the engine never reads the clock.
import type { BUSINESS_FORMATS, NETWORKS, STORE_IMAGES } from '../../shared/codes.js';

export type Month = string;
export type BusinessFormat = (typeof BUSINESS_FORMATS)[number];
export type Network = (typeof NETWORKS)[number];
export type StoreImage = (typeof STORE_IMAGES)[number];
export type ComplianceClass = 'A' | 'B' | 'C' | 'W';
export type Segment = 'close' | 'stable_a' | 'stable_b' | 'unstable';
export type Lang = 'zh' | 'en';
export interface Text {
  zh: string;
  en: string;
}

/** Order figures over the complete order cycles of a period. Quantities in 条 (cartons), values in 元. */
export interface OrderAggregate {
  cartons: number;
  valueYuan: number;
  class1Cartons: number;
  /** Value of the class-1 cartons; when absent the scheme's assumed class-1 price is used for "what if" changes. */
  class1ValueYuan?: number;
  class2PlusCartons: number;
  /** Distinct brands (规格) ordered. */
  brands: number;
  /** Complete order cycles in the period, and how many of them the retailer ordered in. */
  cycles: number;
  cyclesOrdered: number;
  /** Cycles the retailer was licensed and active for (new licensees, suspensions); defaults to `cycles`. */
  eligibleCycles?: number;
}

export interface RetailerMonthInput {
  retailerId: string;
  network: Network;
  format: BusinessFormat;
  /** The month's orders (star rating, classification). */
  orders: OrderAggregate;
  /** Orders of the tier period when it is longer than a month (quarterly tiers); defaults to `orders`. */
  tierOrders?: OrderAggregate;
  /** Cartons ordered per weekly cycle over the stability window, oldest first, zeros included. */
  weeklyCartons: number[];
  complianceClass: ComplianceClass;
  /** The assessment the class comes from (month, score, violations), to say why it is what it is; null = none on record. */
  compliance?: { month: string; score: number; penalties: number } | null;
  storeImage: StoreImage;
  /** Success rate of e-settlement deductions this month in percent; null = not on e-settlement. */
  eSettlementSuccessPct: number | null;
  newBrandListings: number;
  feedbackCount: number;
  /** What the retailer has already shown they can do; bounds the "next star" suggestions. */
  history: { bestMonthCartons: number; bestClass1SharePct: number };
}

export type StarItemId =
  | 'integrity'
  | 'volume'
  | 'class1Share'
  | 'avgPrice'
  | 'brands'
  | 'storeImage'
  | 'feedback'
  | 'newBrands'
  | 'dependence'
  | 'eSettlement';

export interface StarItemResult {
  id: StarItemId;
  /** The input value scored: a number in the item's unit, a class letter, or null (e.g. not on e-settlement). */
  value: number | string | null;
  points: number;
  max: number;
}

export interface StarResult {
  retailerId: string;
  month: Month;
  schemeVersion: string;
  network: Network;
  score: number;
  /** 1–5, 6 = 超五星. */
  star: number;
  items: StarItemResult[];
  /** Minimum score for stars 1..6 in the retailer's market when rated (fixed bands or rank cut-offs). */
  cutoffs: number[];
}

export interface TierContext {
  /** Per-cycle maxima over all retailers: the "top retailer" of each tier item. */
  top: { cartons: number; valueYuan: number; brands: number; class2PlusCartons: number };
  /** Minimum score of each tier, index tier-1; NaN for an empty tier. */
  cutoffs: number[];
}

export interface TierResult {
  tier: number;
  score: number;
  items: { id: 'quantity' | 'value' | 'brands' | 'class2Plus'; perCycle: number; points: number; max: number }[];
}

export interface SegmentResult {
  segment: Segment;
  integrity: 'high' | 'mid' | 'low';
  stability: 'high' | 'mid' | 'low';
  cooperation: 'high' | 'mid' | 'low';
  /** Coefficient of variation and share of weeks ordered, for the explanation. */
  cv: number;
  continuity: number;
  cooperationMet: number;
}
