// The rating scheme: every weight, band, share and threshold as versioned data.
// A result always records the version it was computed with.
import type { ComplianceClass, Network, Segment, StarItemId, StoreImage, Text } from './types.js';

/** value >= min earns points; bands are listed from the highest min down. */
export interface NumericBand {
  min: number;
  points: number;
}

export type NumericStarItemId = Exclude<StarItemId, 'integrity' | 'storeImage'>;

export type StarItemDef =
  | { id: 'integrity'; max: number; points: Record<ComplianceClass, number> }
  | { id: 'storeImage'; max: number; points: Record<StoreImage, number> }
  | {
      id: NumericStarItemId;
      max: number;
      bands: NumericBand[];
      /** Points below the lowest band. */
      floor: number;
      /** Points when the value does not exist (not on e-settlement, no orders). */
      missing?: number;
    };

export type Level = 'high' | 'mid' | 'low';

export interface ServicePackage {
  visitsPerMonth: number;
  callbackHours: number;
  /** 1 = served first when scarce supply is allocated. */
  scarceSupplyPriority: number;
  trainingPerYear: number;
  support: Text[];
}

export interface RatingScheme {
  version: string;
  name: Text;
  units: { cartonsPerCase: number };
  classification: {
    /** Share of retailers per scale, largest first (大/中/小), in percent. */
    scaleShares: number[];
    /** How volume and value shares are mixed into the scale score. */
    volumeWeight: number;
    valueWeight: number;
    /** Rank within the business format only, or within format and market (城镇/乡村). */
    rankWithin: 'format' | 'network_format';
  };
  tiers: {
    weights: { quantity: number; value: number; brands: number; class2Plus: number };
    /** Percent of retailers per tier, index tier-1; tier `shares.length` is the highest. */
    shares: number[];
    manualOverride: 'forbidden' | 'with_reason';
    minReasonLength: number;
    /**
     * Months of complete order cycles the tier is rated over, ending with the
     * rated month (1 = the month alone). Absent in versions before it existed: 1.
     */
    windowMonths?: number;
    /**
     * Most tiers a retailer may move against last month's published tier; a
     * larger move only with a recorded cause. Absent: no cap.
     */
    maxMonthlyMove?: number;
  };
  star: {
    total: number;
    items: StarItemDef[];
    mode: 'score' | 'rank';
    /** mode 'score': minimum score for stars 1..6, per market. */
    cutoffs: Record<Network, number[]>;
    /** mode 'rank': percent of the market's retailers per star 1..6. */
    rankShares: Record<Network, number[]>;
  };
  segments: {
    integrity: { high: ComplianceClass[]; mid: ComplianceClass[] };
    stability: {
      high: { maxCv: number; minContinuity: number };
      mid: { maxCv: number; minContinuity: number };
    };
    cooperation: { minNewBrands: number; minFeedback: number; minESettlementPct: number; high: number; mid: number };
    /** First rule whose minimum levels are all met wins; the last should have no requirement. */
    rules: { segment: Segment; min: Partial<Record<'integrity' | 'stability' | 'cooperation', Level>> }[];
    packages: Record<Segment, ServicePackage>;
  };
  paths: {
    /** Never propose a month above this multiple of the retailer's best month … */
    maxVolumeFactor: number;
    /** … nor below this cap in cartons, so a retailer with a thin history still gets an option. */
    minVolumeCapCartons: number;
    /** Class-1 share at most the best ever reached plus this margin (percentage points). */
    class1ShareMargin: number;
    class1CartonPrice: number;
    maxFeedbackPerMonth: number;
    maxNewBrandsPerMonth: number;
    maxStoreImageSteps: number;
    maxExtraBrands: number;
    /** Price assumed for extra cartons when the retailer ordered nothing this month. */
    defaultCartonPrice: number;
    /** Every single-change option is returned; combined ones only the cheapest few. */
    maxCombinedOptions: number;
    /** Relative effort per unit, used to order the options. */
    cost: {
      carton: number;
      class1Carton: number;
      feedback: number;
      newBrand: number;
      brand: number;
      orderCycle: number;
      storeImageStep: number;
      eSettlement: number;
    };
  };
}
