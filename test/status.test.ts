/**
 * Target status (plan-format.md, "Target status") over hand-computed cases.
 *
 * Unless a case says otherwise: the campaign runs 2022-01-01 … 2022-12-31, the baseline is dated
 * 2022-01-01 and the target is due 2022-01-11, so t1 - t0 = 10 days and a report dated
 * 2022-01-0X has e = (X - 1) / 10 exactly (2022-01-06 gives e = 0.5).
 */
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../src/load/index.js';
import { buildModel } from '../src/model/build.js';
import type { Model } from '../src/model/types.js';
import { targetStatus, yearsBetween, elapsedShare, EPSILON } from '../src/gaps/status.js';
import type { StatusName } from '../src/gaps/types.js';

interface Report {
  asOf: string;
  values: string[];
}

/** A one-city repository in memory: targets as YAML flow mappings, progress as `{target: …}` entries. */
function repo(targets: string[], reports: Report[] = [], actionDue = '2022-12-31', extra = ''): Model {
  const campaign = `kind: Campaign
id: c
title: t
period: {start: 2022-01-01, end: 2022-12-31}
cities: [{id: a, name: A}]
tasks: [{id: T1, title: t}]
indicators:
  - {id: lower-ind, name: 越低越好, better: lower}
  - {id: shared-ind, name: 共用}
`;
  const plan = `kind: Plan
campaign: c
city: a
units: [{id: u1, name: 一区}, {id: u2, name: 二区}, {id: u3, name: 三区}]
actions:
  - id: A1
    title: t
    tasks: [T1]
    lead: o
    due: ${actionDue}
    targets:
${targets.map((x) => `      - ${x}`).join('\n')}
${extra}`;
  const files = [
    parseBytes('campaign.yaml', '/r/campaign.yaml', new TextEncoder().encode(campaign)).file,
    parseBytes('plan.yaml', '/r/plan.yaml', new TextEncoder().encode(plan)).file,
    ...reports.map((r, i) => {
      const text = `kind: Progress\ncampaign: c\ncity: a\nas_of: ${r.asOf}\nvalues:\n${r.values.map((v) => `  - ${v}`).join('\n')}\n`;
      return parseBytes(`p${i}.yaml`, `/r/p${i}.yaml`, new TextEncoder().encode(text)).file;
    }),
  ];
  return buildModel(files);
}

const B = 'baseline: {value: 0, date: 2022-01-01}';
const DUE = 'due: 2022-01-11';
/** A level target `>= 10` from 0, the plainest trajectory. */
const level = (extra = '') => `{id: K, name: n, ${B}, target: {op: ">=", value: 10}, ${DUE}${extra}}`;
const at = (date: string, value: number | string) => ({ asOf: date, values: [`{target: K, value: ${value}}`] });

interface Case {
  name: string;
  targets: string[];
  reports?: Report[];
  asOf?: string;
  actionDue?: string;
  extra?: string;
  status: StatusName;
  progress?: number;
  elapsed?: number;
  goal?: number;
  latest?: number;
  unitsShort?: string[];
}

const cases: Case[] = [
  // level, better higher: T = 10 from b = 0, e = 0.5
  { name: 'level: p = e is on-track', targets: [level()], reports: [at('2022-01-06', 5)], status: 'on-track', progress: 0.5, elapsed: 0.5, goal: 10 },
  { name: 'level: p just above e - 0.1 is at-risk', targets: [level()], reports: [at('2022-01-06', 4.5)], status: 'at-risk', progress: 0.45, elapsed: 0.5 },
  { name: 'level: p = e - 0.1 is at-risk', targets: [level()], reports: [at('2022-01-06', 4)], status: 'at-risk', progress: 0.4, elapsed: 0.5 },
  { name: 'level: p below e - 0.1 is off-track', targets: [level()], reports: [at('2022-01-06', 3.9)], status: 'off-track', progress: 0.39, elapsed: 0.5 },
  { name: 'level: met early is achieved', targets: [level()], reports: [at('2022-01-03', 10)], status: 'achieved', progress: 1, elapsed: 0.2 },
  { name: 'level: beyond the target is achieved', targets: [level()], reports: [at('2022-01-03', 12)], status: 'achieved', progress: 1.2, elapsed: 0.2 },
  { name: 'level: a report at t0 has e = 0', targets: [level()], reports: [at('2022-01-01', 0)], status: 'on-track', progress: 0, elapsed: 0 },
  // floating point: (0.25 - 0.1) / (0.4 - 0.1) computes as 0.4999999999999999, which must still count as p = e
  {
    name: 'float: p = e within epsilon is on-track',
    targets: ['{id: K, name: n, baseline: {value: 0.1, date: 2022-01-01}, target: {op: ">=", value: 0.4}, due: 2022-01-11}'],
    reports: [at('2022-01-06', 0.25)],
    status: 'on-track',
    elapsed: 0.5,
  },
  // (0.22 - 0.1) / 0.3 computes as 0.3999999999999999 against e - 0.1 = 0.4
  {
    name: 'float: p = e - 0.1 within epsilon is at-risk',
    targets: ['{id: K, name: n, baseline: {value: 0.1, date: 2022-01-01}, target: {op: ">=", value: 0.4}, due: 2022-01-11}'],
    reports: [at('2022-01-06', 0.22)],
    status: 'at-risk',
    elapsed: 0.5,
  },

  // better lower: from 10 down to 5
  ...(
    [
      [7.5, 'on-track', 0.5],
      [8, 'at-risk', 0.4],
      [8.5, 'off-track', 0.3],
      [5, 'achieved', 1],
      [4, 'achieved', 1.2],
      [10.5, 'off-track', -0.1],
    ] as const
  ).map(([a, status, p]) => ({
    name: `lower: <= 5 from 10, a = ${a} is ${status}`,
    targets: ['{id: K, name: n, better: lower, baseline: {value: 10, date: 2022-01-01}, target: {op: "<=", value: 5}, due: 2022-01-11}'],
    reports: [at('2022-01-06', a)],
    status: status as StatusName,
    progress: p,
    elapsed: 0.5,
  })),
  {
    name: 'lower from the indicator: < 5 from 10, a = 8 at e = 0.5',
    targets: ['{id: K, name: n, indicator: lower-ind, baseline: {value: 10, date: 2022-01-01}, target: {op: "<", value: 5}, due: 2022-01-11}'],
    reports: [at('2022-01-06', 8)],
    status: 'at-risk',
    progress: 0.4,
  },
  { name: '"<" is not met at the value itself', targets: ['{id: K, name: n, baseline: {value: 10, date: 2022-01-01}, target: {op: "<", value: 5}, due: 2022-01-11}'], reports: [at('2022-01-06', 5)], status: 'on-track', progress: 1 },

  // = and ~
  { name: '"=": 78 → 100, a = 90 at e = 0.5', targets: ['{id: K, name: n, baseline: {value: 78, date: 2022-01-01}, target: {op: "=", value: 100}, due: 2022-01-11}'], reports: [at('2022-01-06', 90)], status: 'on-track', progress: 12 / 22 },
  { name: '"=": reached', targets: ['{id: K, name: n, baseline: {value: 78, date: 2022-01-01}, target: {op: "=", value: 100}, due: 2022-01-11}'], reports: [at('2022-01-06', 100)], status: 'achieved' },
  { name: '"~" default tolerance 5%: 95 is about 100', targets: ['{id: K, name: n, target: {op: "~", value: 100}}'], reports: [at('2022-01-06', 95)], status: 'achieved' },
  { name: '"~" default tolerance 5%: 94.9 is not', targets: ['{id: K, name: n, target: {op: "~", value: 100}}'], reports: [at('2022-01-06', 94.9)], status: 'not-achieved' },

  // range
  { name: 'range from above: T is the nearer end (15), p = 0.5', targets: ['{id: K, name: n, baseline: {value: 20, date: 2022-01-01}, target: {min: 8, max: 15}, due: 2022-01-11}'], reports: [at('2022-01-06', 17.5)], status: 'on-track', goal: 15, progress: 0.5 },
  { name: 'range: inside is achieved', targets: ['{id: K, name: n, baseline: {value: 20, date: 2022-01-01}, target: {min: 8, max: 15}, due: 2022-01-11}'], reports: [at('2022-01-06', 12)], status: 'achieved' },
  { name: 'range without baseline: an end counts as inside', targets: ['{id: K, name: n, target: {min: 8, max: 15}}'], reports: [at('2022-01-06', 8)], status: 'achieved' },
  { name: 'range without baseline: outside is not-achieved', targets: ['{id: K, name: n, target: {min: 8, max: 15}}'], reports: [at('2022-01-06', 16)], status: 'not-achieved' },

  // change: T from the baseline
  { name: 'change +10%: T = 220 from 200', targets: ['{id: K, name: n, baseline: {value: 200, date: 2022-01-01}, target: {change: "+10%"}, due: 2022-01-11}'], reports: [at('2022-01-06', 210)], status: 'on-track', goal: 220, progress: 0.5 },
  { name: 'change -13.5%: T = 66.8645 from 77.3', targets: ['{id: K, name: n, baseline: {value: 77.3, date: 2022-01-01}, target: {change: "-13.5%"}, due: 2022-01-11}'], reports: [at('2022-01-06', 70)], status: 'on-track', goal: 66.8645, progress: 7.3 / 10.4355 },
  { name: 'change -5 (absolute): T = 45 from 50', targets: ['{id: K, name: n, baseline: {value: 50, date: 2022-01-01}, target: {change: "-5"}, due: 2022-01-11}'], reports: [at('2022-01-06', 46)], status: 'on-track', goal: 45, progress: 0.8 },
  { name: 'change -5 (absolute): reached', targets: ['{id: K, name: n, baseline: {value: 50, date: 2022-01-01}, target: {change: "-5"}, due: 2022-01-11}'], reports: [at('2022-01-06', 45)], status: 'achieved' },
  { name: 'change without baseline: not-achieved only', targets: ['{id: K, name: n, target: {change: "+10%"}}'], reports: [at('2022-01-06', 300)], status: 'not-achieved' },

  // annual change, compound: 2021-12-31 → 2023-12-31 is 2 years, T = 100 × 1.1² = 121; e at 2022-12-31 = 365/730
  {
    name: 'annual +10%: compound T = 121, a = 110 is at-risk (linear T = 120 would say on-track)',
    targets: ['{id: K, name: n, baseline: {value: 100, date: 2021-12-31}, target: {annual_change: "+10%"}, due: 2023-12-31}'],
    reports: [at('2022-12-31', 110)],
    status: 'at-risk',
    goal: 121,
    progress: 10 / 21,
    elapsed: 0.5,
  },
  {
    name: 'annual +10%: a = 111 is on-track',
    targets: ['{id: K, name: n, baseline: {value: 100, date: 2021-12-31}, target: {annual_change: "+10%"}, due: 2023-12-31}'],
    reports: [at('2022-12-31', 111)],
    status: 'on-track',
    progress: 11 / 21,
  },
  { name: 'annual +2 (absolute): T = 14 over 2 years', targets: ['{id: K, name: n, baseline: {value: 10, date: 2021-12-31}, target: {annual_change: "+2"}, due: 2023-12-31}'], reports: [at('2022-12-31', 12)], status: 'on-track', goal: 14, progress: 0.5 },

  // relative: against the latest value of what it names
  {
    name: 'relative ">" another target: 98.1 > 96.7',
    targets: ['{id: K, name: n, target: {op: ">", than: K2}}', '{id: K2, name: m, baseline: {value: 96.5, date: 2022-01-01}, target: {op: ">=", value: 97}, due: 2022-01-11}'],
    reports: [{ asOf: '2022-01-06', values: ['{target: K, value: 98.1}', '{target: K2, value: 96.7}'] }],
    status: 'achieved',
    goal: 96.7,
  },
  {
    name: 'relative ">" another target: 96 is not above 96.7',
    targets: ['{id: K, name: n, target: {op: ">", than: K2}}', '{id: K2, name: m, target: {op: ">=", value: 97}}'],
    reports: [{ asOf: '2022-01-06', values: ['{target: K, value: 96}', '{target: K2, value: 96.7}'] }],
    status: 'not-achieved',
  },
  {
    name: 'relative "~" with tolerance 2: 94.8 against 95.6',
    targets: ['{id: K, name: n, target: {op: "~", than: K2, tolerance: 2}}', '{id: K2, name: m, target: {op: ">=", value: 97}}'],
    reports: [{ asOf: '2022-01-06', values: ['{target: K, value: 94.8}', '{target: K2, value: 95.6}'] }],
    status: 'achieved',
  },
  {
    name: 'relative: nothing reported for what it names is no-data',
    targets: ['{id: K, name: n, target: {op: ">", than: K2}}', '{id: K2, name: m, target: {op: ">=", value: 97}}'],
    reports: [at('2022-01-06', 98)],
    status: 'no-data',
    latest: 98,
  },
  {
    name: 'relative to an indicator: the city target of that indicator',
    targets: ['{id: K, name: n, target: {op: ">=", than: shared-ind}}', '{id: K2, name: m, indicator: shared-ind, target: {op: ">=", value: 97}}'],
    reports: [{ asOf: '2022-01-06', values: ['{target: K, value: 50}', '{target: K2, value: 50}'] }],
    status: 'achieved',
    goal: 50,
  },

  // qualitative, no baseline, no data
  { name: 'qualitative is not-quantified', targets: ['{id: K, name: n, target: {text: 保持在合理区间}}'], reports: [at('2022-01-06', 1)], status: 'not-quantified' },
  { name: 'no baseline, met: achieved', targets: ['{id: K, name: n, target: {op: ">=", value: 10}}'], reports: [at('2022-01-06', 10)], status: 'achieved' },
  { name: 'no baseline, not met: not-achieved (no p, no e)', targets: ['{id: K, name: n, target: {op: ">=", value: 10}}'], reports: [at('2022-01-06', 9)], status: 'not-achieved' },
  { name: 'no progress: no-data', targets: [level()], status: 'no-data' },
  { name: 'a baseline already met that the latest value loses is off-track', targets: ['{id: K, name: n, baseline: {value: 12, date: 2022-01-01}, target: {op: ">=", value: 10}, due: 2022-01-11}'], reports: [at('2022-01-06', 9)], status: 'off-track' },

  // dates: t0 and t1 fallbacks, reports after the due date, --as-of
  { name: 't0 is the campaign start when the baseline has no date', targets: ['{id: K, name: n, baseline: {value: 0}, target: {op: ">=", value: 10}, due: 2022-01-11}'], reports: [at('2022-01-06', 5)], status: 'on-track', elapsed: 0.5 },
  { name: "t1 is the action's due without the target's", targets: [`{id: K, name: n, ${B}, target: {op: ">=", value: 10}}`], actionDue: '2022-01-11', reports: [at('2022-01-06', 5)], status: 'on-track', elapsed: 0.5 },
  { name: "t1 is the campaign's end without either", targets: [`{id: K, name: n, baseline: {value: 0, date: 2021-12-31}, target: {op: ">=", value: 10}}`], actionDue: '', reports: [at('2022-06-30', 5)], status: 'on-track', elapsed: 181 / 365 },
  { name: 'after the due date e = 1: 95% is not-achieved, not at-risk', targets: [level()], reports: [at('2022-01-21', 9.5)], status: 'not-achieved', elapsed: 1, progress: 0.95 },
  { name: 'after the due date e = 1: 80% is not-achieved, not off-track', targets: [level()], reports: [at('2022-01-21', 8)], status: 'not-achieved', elapsed: 1 },
  { name: 'a report on the due date that does not meet it is not-achieved', targets: [level()], reports: [at('2022-01-11', 9.9)], status: 'not-achieved' },
  { name: '--as-of after the due date: the last report before it, not met, is not-achieved', targets: [level()], reports: [at('2022-01-08', 8)], asOf: '2022-02-01', status: 'not-achieved', latest: 8 },
  { name: '--as-of on the due date is not past it', targets: [level()], reports: [at('2022-01-08', 8)], asOf: '2022-01-11', status: 'on-track', latest: 8 },
  { name: 'after the due date: met is achieved', targets: [level()], reports: [at('2022-01-21', 10)], status: 'achieved' },
  { name: 'the latest report counts', targets: [level()], reports: [at('2022-01-08', 8), at('2022-01-04', 3)], status: 'on-track', latest: 8, elapsed: 0.7, progress: 0.8 },
  { name: '--as-of ignores later reports', targets: [level()], reports: [at('2022-01-04', 1), at('2022-01-08', 8)], asOf: '2022-01-05', status: 'off-track', latest: 1, elapsed: 0.3, progress: 0.1 },
  { name: '--as-of on the day of a report keeps it', targets: [level()], reports: [at('2022-01-04', 1), at('2022-01-08', 8)], asOf: '2022-01-08', status: 'on-track', latest: 8 },
  { name: '--as-of before every report: no-data', targets: [level()], reports: [at('2022-01-04', 1)], asOf: '2022-01-03', status: 'no-data' },

  // per: unit — units u1, u2, u3; the worst unit decides
  {
    name: 'per unit: one unit off-track makes the target off-track',
    targets: [level(', per: unit')],
    reports: [{ asOf: '2022-01-06', values: ['{target: K, units: {u1: 10, u2: 5, u3: 3}}'] }],
    status: 'off-track',
    unitsShort: ['u3'],
    latest: 3,
    progress: 0.3,
  },
  {
    name: 'per unit: at-risk is worse than a unit without a value',
    targets: [level(', per: unit')],
    reports: [{ asOf: '2022-01-06', values: ['{target: K, units: {u1: 6, u2: 4}}'] }],
    status: 'at-risk',
    unitsShort: ['u2', 'u3'],
  },
  {
    name: 'per unit: a unit without a value keeps the others from on-track (no-data)',
    targets: [level(', per: unit')],
    reports: [{ asOf: '2022-01-06', values: ['{target: K, units: {u1: 10, u2: 6}}'] }],
    status: 'no-data',
    unitsShort: ['u3'],
  },
  {
    name: 'per unit: every unit met is achieved',
    targets: [level(', per: unit')],
    reports: [{ asOf: '2022-01-06', values: ['{target: K, units: {u1: 10, u2: 11, u3: 12}}'] }],
    status: 'achieved',
    unitsShort: [],
  },
  {
    name: 'per unit: a later report that lists some units updates only those',
    targets: [level(', per: unit')],
    reports: [
      { asOf: '2022-01-04', values: ['{target: K, units: {u1: 3, u2: 3, u3: 3}}'] },
      { asOf: '2022-01-06', values: ['{target: K, units: {u1: 6}}'] },
    ],
    status: 'on-track', // u2 and u3: 0.3 at e = 0.3 (their own date); u1: 0.6 at e = 0.5
    unitsShort: [],
  },
  { name: 'per unit: no units reported is no-data', targets: [level(', per: unit')], reports: [at('2022-01-06', 5)], status: 'no-data', unitsShort: ['u1', 'u2', 'u3'] },
];

describe('targetStatus', () => {
  for (const c of cases) {
    it(c.name, () => {
      const model = repo(c.targets, c.reports ?? [], c.actionDue ?? '2022-12-31', c.extra);
      const target = model.targetsById.get('K')!;
      expect(target, 'the case builds target K').toBeTruthy();
      const s = targetStatus(target, model, c.asOf);
      expect(s.status).toBe(c.status);
      if (c.progress !== undefined) expect(s.progress).toBeCloseTo(c.progress, 9);
      if (c.elapsed !== undefined) expect(s.elapsed).toBeCloseTo(c.elapsed, 9);
      if (c.goal !== undefined) expect(s.goal).toBeCloseTo(c.goal, 9);
      if (c.latest !== undefined) expect(s.latest).toBe(c.latest);
      if (c.unitsShort !== undefined) expect(s.unitsShort).toEqual(c.unitsShort);
    });
  }
});

describe('dates', () => {
  it('counts calendar years', () => {
    expect(yearsBetween('2021-12-31', '2025-12-31')).toBe(4);
    expect(yearsBetween('2021-12-31', '2022-12-31')).toBe(1);
    expect(yearsBetween('2022-01-01', '2022-07-02')).toBeCloseTo(182 / 365, 12);
  });
  it('caps t at t1 and never goes below 0', () => {
    expect(elapsedShare('2022-01-01', '2023-01-01', '2022-01-11')).toBe(1);
    expect(elapsedShare('2022-01-01', '2021-06-01', '2022-01-11')).toBe(0);
    expect(elapsedShare('2022-01-01', '2022-01-06', '2022-01-01')).toBeUndefined();
  });
  it('uses a small epsilon', () => {
    expect(EPSILON).toBeLessThan(1e-6);
  });
});
