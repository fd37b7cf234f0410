// The allocation problem of one scarce product: retailers are grouped by tier
// and market (城网/农网); each group gets one quota (cartons per retailer);
// a retailer's limit is that quota capped at what it can sell.
export const MARKETS = ['urban', 'rural'] as const;
export type Market = (typeof MARKETS)[number];

export type AllocationPolicy = {
  /** Weight of each market: mid/high-price brands lean urban, low-price ones rural. */
  marketWeight: Record<Market, number>;
  /** Tiers below this get nothing (0 = all tiers). */
  minTier: number;
  /** Quota grows like tier^exponent (1 = proportional to the tier). */
  tierExponent: number;
  /** Largest quota any group may get, in cartons. */
  maxQuota: number;
};

export type GroupDemand = {
  tier: number;
  market: Market;
  /** atLeast[k-1] = retailers in the group that can sell at least k cartons (non-increasing). */
  atLeast: number[];
  /** Retailers in the group (atLeast[0] may be smaller: some can sell nothing). */
  retailers: number;
};

export type AllocationProblem = {
  supply: number;
  tierCount: number;
  policy: AllocationPolicy;
  groups: GroupDemand[];
};

export type GroupQuota = {
  tier: number;
  market: Market;
  quota: number;
  retailers: number;
  /** Cartons this group receives: sum over its retailers of min(quota, cap). */
  allocated: number;
};

export type AllocationResult = {
  quotas: GroupQuota[];
  allocated: number;
  supply: number;
  /** The value of the group quotas (see decision 0600); comparable with the LP bound. */
  objective: number;
  /** objective plus the value of the remainder given one carton each (decision 0603): what the method maximises. */
  value: number;
};

export const DEFAULT_POLICY: AllocationPolicy = {
  marketWeight: { urban: 1, rural: 1 },
  minTier: 0,
  tierExponent: 1,
  maxQuota: 30,
};
