/** The rule catalogue: every rule has its docs page and fixture cases, and the messages name what a drafter needs. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/lint.js';
import { loadPaths } from '../src/load/index.js';
import { allRules, modelRules } from '../src/rules/index.js';

const root = path.join(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures', 'rules');

function lint(caseName: string) {
  const loaded = loadPaths([path.join(fixtures, caseName)], { cwd: fixtures });
  return check(loaded.files, loaded.findings).findings;
}

describe('the rule catalogue', () => {
  it('holds the fourteen cross-file rules of plan-format.md', () => {
    expect(modelRules.map((r) => r.id).sort()).toEqual(
      [
        'duplicate-id', 'unknown-reference', 'missing-plan', 'task-not-covered', 'action-without-target', 'target-not-quantified',
        'target-needs-baseline', 'required-indicator-missing', 'unit-mismatch', 'due-outside-period', 'owner-outside-city', 'target-off-track',
        'progress-conflict', 'invalid-target',
      ].sort(),
    );
  });

  for (const rule of allRules) {
    it(`${rule.id} has a docs page and a description in both languages`, () => {
      const page = path.join(root, 'docs', 'rules', `${rule.id}.md`);
      expect(fs.existsSync(page), page).toBe(true);
      expect(fs.readFileSync(page, 'utf8')).toMatch(new RegExp(`^# ${rule.id}\\b`));
      expect(rule.description.zh).not.toBe(`rule/${rule.id}`);
      expect(rule.description.en).not.toBe(`rule/${rule.id}`);
    });
  }

  for (const rule of modelRules) {
    it(`${rule.id} has a fixture that triggers it and one that must not`, () => {
      expect(fs.existsSync(path.join(fixtures, `${rule.id}-trigger`))).toBe(true);
      expect(fs.existsSync(path.join(fixtures, `${rule.id}-clean`))).toBe(true);
      expect(lint(`${rule.id}-trigger`).some((f) => f.rule === rule.id)).toBe(true);
      expect(lint(`${rule.id}-clean`)).toEqual([]);
    });
  }
});

describe('messages', () => {
  it('duplicate-id: each place names the other', () => {
    const found = lint('duplicate-id-trigger').filter((f) => f.message.en.includes("'alpha-lsc'"));
    expect(found.map((f) => `${f.file}:${f.line} → ${f.message.en.split(' at ')[1]}`).sort()).toEqual([
      'duplicate-id-trigger/owners-more.yaml:4 → duplicate-id-trigger/owners.yaml:5',
      'duplicate-id-trigger/owners.yaml:5 → duplicate-id-trigger/owners-more.yaml:4',
    ]);
  });

  it('unknown-reference: names the closest existing id', () => {
    const messages = lint('unknown-reference-trigger').map((f) => f.message.en);
    // the suggestion shows the name of what it suggests
    expect(messages).toContain("owner 'alpha-sjf' is not defined; did you mean 'alpha-sfj' (甲市司法局)?");
    expect(messages).toContain("unit 'xihv' is not one of the units of 甲市's plan; did you mean 'xihu' (西湖区)?");
    expect(messages).toContain("city 'alpah' is not a city of campaign 'c1'; did you mean 'alpha' (甲市)?");
    const zh = lint('unknown-reference-trigger').map((f) => f.message.zh);
    expect(zh).toContain('责任单位“alpha-sjf”未定义；是否应为 alpha-sfj（甲市司法局）？');
  });

  it('target-off-track: gives p and e', () => {
    const f = lint('target-off-track-trigger').find((x) => x.message.en.startsWith('target A-01-K1'));
    expect(f?.message.en).toBe('target A-01-K1 is off track: 20.0% of the way at 2022-06-30 with 49.6% of the time gone (baseline 0, target 10, latest 2)');
  });

  it('the reference example has no errors', () => {
    const loaded = loadPaths(['examples/zhejiang-2022'], { cwd: root });
    const findings = check(loaded.files, loaded.findings).findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const count = (rule: string) => findings.filter((f) => f.rule === rule).length;
    expect(count('task-not-covered')).toBe(6);
    expect(count('required-indicator-missing')).toBe(3);
    expect(count('target-off-track')).toBe(3);
  });
});
