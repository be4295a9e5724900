/**
 * The domain, below rules and reports: coverage, target status, target and baseline wording, and the
 * names of cities, owners and units, one implementation each.
 */
export { coveredTasks, coveringActions, hasQuantifiedTarget } from './coverage.js';
export { cityName, ownerName, unitName } from './names.js';
export { actionsInOrder, measureDuty, numberAsWritten, plansShown } from './plan.js';
export { DEFAULT_TOLERANCE_SHARE, latestProgress, progressOf, targetStatus } from './status.js';
export type { StatusName, TargetStatus, UnitStatus } from './types.js';
export { baselineWording, targetWording } from './wording.js';
