// The rating engine's public surface, for the job, the routes and the screens.
export { DEFAULT_SCHEME } from './default-scheme.js';
export type { RatingScheme, StarItemDef, NumericBand, ServicePackage } from './scheme.js';
export { validateScheme, type SchemeError } from './validate-scheme.js';
export { runMonthlyBatch, RatingSchemeError, type MonthlyBatchArgs, type MonthlyBatchResult, type RetailerRating, type Mover } from './monthly-batch.js';
export { rateStar, scoreStarItems, starFromCutoffs } from './score-star.js';
export { classifyRetailers, classCode } from './classify.js';
export { assignTiers, tierScore, perCycle } from './tiers.js';
export { segmentRetailer, orderStability } from './segments.js';
export { complianceClass } from './compliance-class.js';
export { explainStarChange, type StarChangeExplanation, type ExplainedItem } from './explain-star-change.js';
export { pathsToNextStar, type StarPaths, type StarPathOption, type StarPathContext } from './paths-to-next-star.js';
export { pathsToNextTier, type TierPaths, type TierPathOption, type TierChange } from './paths-to-next-tier.js';
export { applyChange, applyChanges, type StarChange } from './apply-change.js';
export { validateManualTierChange, type ManualTierChange, type ManualTierChangeError } from './manual-tier-change.js';
export { ratingMessages, say, type RatingMessageKey } from './messages.js';
export type * from './types.js';
