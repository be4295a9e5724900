/** Target status (plan-format.md, "Target status"): the shared vocabulary of the gap report and the targets table. */
import type { Target } from '../model/types.js';

export type StatusName = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'not-achieved' | 'no-data' | 'not-quantified';

/** The status of one unit of a `per: unit` target. */
export interface UnitStatus {
  unit: string;
  status: StatusName;
  latest?: number;
  progress?: number;
  /** e of the unit's own latest value. */
  elapsed?: number;
}

export interface TargetStatus {
  target: Target;
  status: StatusName;
  /** b: the baseline value. */
  baseline?: number;
  /** T: the value to reach (for change targets, computed from the baseline). */
  goal?: number;
  /** a: the latest reported value (for a relative target, the value it is compared with is in `compared`). */
  latest?: number;
  latestDate?: string;
  /** p = (a - b) / (T - b). */
  progress?: number;
  /** e = (t - t0) / (t1 - t0). */
  elapsed?: number;
  /** t0: the baseline's date, else the campaign's start. */
  start?: string;
  /** t1: the target's due date, else its action's, else the campaign's end. */
  due?: string;
  /** For a relative target: the latest value of what it names. */
  compared?: number;
  /** For a `per: unit` target: each unit, and the ones that fall short. */
  units?: UnitStatus[];
  unitsShort?: string[];
}
