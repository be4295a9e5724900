/** Weaker or stronger: the verdict of compareStrength on target forms the example does not hold, both ways. */
import { describe, expect, it } from 'vitest';
import { compareStrength } from '../src/diff/strength.js';
import { readTargetForm } from '../src/model/build.js';
import type { Model, Target } from '../src/model/types.js';

const model = { campaign: { period: { start: '2022-01-01', end: '2022-12-31' } } } as unknown as Model;

/** A target as the model holds it, from the YAML value of `target` and a few fields. */
function target(value: Record<string, unknown>, fields: Partial<Target> = {}): Target {
  return {
    id: 'K1',
    name: 'K1',
    nature: 'expected',
    city: 'c',
    baseline: { value: 100, date: '2021-12-31' },
    due: '2022-12-31',
    action: { due: '2022-12-31' },
    target: readTargetForm(value),
    ...fields,
  } as unknown as Target;
}

const cases: [string, Target, Target, 'weaker' | 'stronger' | 'same'][] = [
  ['-13.5% → -10% (a smaller cut, lower is better)', target({ change: '-13.5%' }, { better: 'lower' }), target({ change: '-10%' }, { better: 'lower' }), 'weaker'],
  ['-13.5% → -10% without better (the sign says down)', target({ change: '-13.5%' }), target({ change: '-10%' }), 'weaker'],
  ['+20% → +30 (percent to absolute, through the baseline: 120 → 130)', target({ change: '+20%' }, { better: 'higher' }), target({ change: '+30' }, { better: 'higher' }), 'stronger'],
  ['>= 20 → = 25 (better: higher)', target({ op: '>=', value: 20 }, { better: 'higher' }), target({ op: '=', value: 25 }, { better: 'higher' }), 'stronger'],
  ['< 5 → <= 5 (the bound now included, lower is better)', target({ op: '<', value: 5 }, { better: 'lower' }), target({ op: '<=', value: 5 }, { better: 'lower' }), 'weaker'],
  ['~ 20 (default ±1) → ~ 20 ±2', target({ op: '~', value: 20 }), target({ op: '~', value: 20, tolerance: 2 }), 'weaker'],
  ['range 5–6 → level >= 5.5 (better: higher)', target({ min: 5, max: 6 }, { better: 'higher' }), target({ op: '>=', value: 5.5 }, { better: 'higher' }), 'stronger'],
  ['relative > → >=', target({ op: '>', than: 'gdp' }), target({ op: '>=', than: 'gdp' }), 'weaker'],
  ['relative, compared with something else', target({ op: '>', than: 'gdp' }), target({ op: '>', than: 'cpi' }), 'weaker'],
  ['annual +5% → +7%', target({ annual_change: '+5%' }), target({ annual_change: '+7%' }), 'stronger'],
  ['only the wording', target({ op: '>=', value: 20, text: '20以上' }), target({ op: '>=', value: 20, text: '二十以上' }), 'same'],
  ['stricter value, but per: unit dropped', target({ op: '>=', value: 5 }, { per: 'unit' }), target({ op: '>=', value: 6 }), 'weaker'],
];

describe('compareStrength', () => {
  for (const [name, before, after, verdict] of cases) {
    it(name, () => {
      expect(compareStrength(before, after, model, model).verdict).toBe(verdict);
      const back = compareStrength(after, before, model, model).verdict;
      // going back reverses a clear verdict; a change no direction ranks stays one to check by hand
      if (verdict === 'same') expect(back).toBe('same');
      else if (name.includes('something else') || name.includes('per: unit dropped')) expect(back).toBe('weaker');
      else expect(back).toBe(verdict === 'weaker' ? 'stronger' : 'weaker');
    });
  }

  it('names why, where the values alone do not show it', () => {
    expect(compareStrength(target({ op: '>=', value: 5 }, { per: 'unit' }), target({ op: '>=', value: 5 }), model, model).reasons).toEqual(['per-unit-dropped']);
    expect(compareStrength(target({ op: '>=', value: 5 }), target({ text: '稳步提高' }), model, model).reasons).toEqual(['words']);
    expect(compareStrength(target({ op: '>', than: 'gdp' }), target({ op: '>', than: 'cpi' }), model, model).reasons).toEqual(['than']);
  });
});
