/** The filter options of `plans gaps` and `plans table targets` (--owner, --status) and the gap report's --due-within. */
import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { knownOwners, STATUS_NAMES, type TargetFilter } from '../domain/filter.js';
import type { StatusName } from '../domain/types.js';
import type { Model } from '../model/types.js';
import { UsageError } from '../types.js';
import { closest } from '../util/closest.js';
import { collect, helpText, parseCount, type CliEnv } from './env.js';

export interface FilterCliOptions {
  owner?: string;
  status?: string[];
}

/** The default of --due-within: a month. */
export const DUE_WITHIN_DAYS = 30;

/** Adds --owner and --status. */
export function filterOptions(command: Command, cli: CliEnv): Command {
  const h = helpText(cli);
  return command
    .option('--owner <id>', h('owner'))
    .option('--status <status>', h('status', { statuses: STATUS_NAMES.join(', ') }), collect);
}

/** Adds --due-within. */
export function dueOptions(command: Command, cli: CliEnv): Command {
  const h = helpText(cli);
  return command.option('--due-within <days>', h('due-within', { days: DUE_WITHIN_DAYS }));
}

/** The statuses of --status, checked before the repository is read; an unknown one is a usage error. */
export function parseStatuses(values: string[] | undefined): StatusName[] | undefined {
  if (!values || values.length === 0) return undefined;
  for (const v of values) {
    if ((STATUS_NAMES as readonly string[]).includes(v)) continue;
    const suggestion = closest(v, [...STATUS_NAMES]);
    throw new UsageError(
      suggestion ? t('cli/bad-status-suggest', { status: v, suggestion }) : t('cli/bad-status', { status: v, allowed: STATUS_NAMES.join(', ') }),
    );
  }
  return [...new Set(values)] as StatusName[];
}

/** The filter of the options; an owner the repository does not know is a usage error, with the closest id. */
export function parseFilter(opts: FilterCliOptions, model: Model, statuses: StatusName[] | undefined): TargetFilter | undefined {
  if (opts.owner === undefined && !statuses) return undefined;
  if (opts.owner !== undefined) {
    const known = knownOwners(model);
    if (!known.includes(opts.owner)) {
      const suggestion = closest(opts.owner, known);
      throw new UsageError(suggestion ? t('cli/bad-owner-suggest', { owner: opts.owner, suggestion }) : t('cli/bad-owner', { owner: opts.owner }));
    }
  }
  return { owner: opts.owner, statuses };
}

/** The days of --due-within (default 30). */
export function parseDueWithin(value: string | undefined): number {
  return parseCount('--due-within', value) ?? DUE_WITHIN_DAYS;
}
