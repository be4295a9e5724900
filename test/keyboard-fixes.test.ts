/**
 * The fix a finding carries (`message.data.fix`: a range of the decoded text and the text to put
 * there) mends what the finding names: applied to the fixture, the finding is gone, no new
 * finding appears in its place, and every byte outside the range is as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixOf } from '../src/i18n/index.js';
import { check } from '../src/lint.js';
import { loadPaths, parseBytes } from '../src/load/index.js';
import type { Diagnostic as Finding } from '../src/types.js';

const root = path.join(__dirname, 'fixtures');
const cases = ['load/fullwidth-colon.yaml', 'load/fullwidth-colon-nested.yaml', 'load/fullwidth-indent.yaml', 'load/fullwidth-indent-nested.yaml', 'load/fullwidth-space-after-colon.yaml', 'load/indent-over.yaml', 'schema/fullwidth-comma.yaml', 'schema/fullwidth-brackets.yaml', 'schema/chinese-quotes.yaml', 'schema/fullwidth-digits.yaml', 'schema/dates.yaml'];
const STAGE = ['yaml-syntax', 'encoding', 'unknown-kind', 'schema'];

function lintText(name: string, text: string): Finding[] {
  const r = parseBytes(name, path.join(root, name), Buffer.from(text));
  return check([r.file], r.findings).findings.filter((f) => STAGE.includes(f.rule));
}

describe('keyboard and number fixes', () => {
  for (const name of cases) {
    it(`${name}: each fix mends its finding and touches nothing else`, () => {
      const text = fs.readFileSync(path.join(root, name), 'utf8');
      const findings = lintText(name, text);
      const fixable = findings.filter((f) => fixOf(f.message));
      expect(fixable.length).toBeGreaterThan(0);
      for (const f of fixable) {
        const fix = fixOf(f.message)!;
        // the range covers the place the finding points at
        expect(fix.range[0]).toBeLessThanOrEqual(f.offset);
        expect(fix.range[1]).toBeGreaterThanOrEqual(f.offset);
        const fixed = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
        expect(fixed.slice(0, fix.range[0])).toBe(text.slice(0, fix.range[0]));
        expect(fixed.slice(fix.range[0] + fix.text.length)).toBe(text.slice(fix.range[1]));
        const after = lintText(name, fixed);
        const line = f.line;
        expect(after.filter((g) => g.message.id === f.message.id && g.line === line), `${f.message.id} at ${line} after its fix`).toEqual([]);
        // no yaml-syntax error left on that line either
        expect(after.filter((g) => g.rule === 'yaml-syntax' && g.line === line && g.severity === 'error')).toEqual([]);
      }
    });
  }

  it('a name or alias written for an id: the fix writes the id', () => {
    const dir = path.join(root, 'rules/reference-by-name');
    const loaded = loadPaths([dir], { cwd: root });
    const byName = check(loaded.files, loaded.findings).findings.filter((f) => f.message.id === 'unknown-reference/by-name');
    expect(byName.length).toBe(5);
    for (const f of byName) {
      const fix = fixOf(f.message)!;
      const text = fs.readFileSync(path.join(root, f.file), 'utf8');
      // the range is the written name itself, and the text an id that the message names
      expect(text.slice(fix.range[0], fix.range[1])).toBe(f.message.data!.written);
      expect(fix.text).toBe(f.message.data!.id);
      expect(f.message.zh).toContain(fix.text);
      expect(f.message.en).toContain(fix.text);
    }
  });
});

describe('did you mean', () => {
  it('prefers the nearer ids: the same action’s, then the same city’s, then all', async () => {
    const { closestPreferring } = await import('../src/rules/shared.js');
    const all = ['HZ-03-K1', 'HZ-30-K2', 'NB-03-K2'];
    // HZ-30-K2 and HZ-03-K1 are each one edit from HZ-03-K2; the same action's comes first
    expect(closestPreferring('HZ-03-K2', [['HZ-03-K1'], all])).toBe('HZ-03-K1');
    expect(closestPreferring('HZ-03-K2', [['HZ-30-K2'], all])).toBe('HZ-30-K2');
    // nothing close among the nearer: the next group is asked
    expect(closestPreferring('NB-03-K3', [['HZ-03-K1'], all])).toBe('NB-03-K2');
    expect(closestPreferring('zzz', [['HZ-03-K1'], all])).toBeUndefined();
  });
});
