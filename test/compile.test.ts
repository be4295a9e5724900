import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples/zhejiang-2022');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/compiled.schema.json'), 'utf8'));
const validate = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true }).compile(schema);

async function compile(args: string[] = [example], cwd = example) {
  const run = await runCli(['compile', ...args], { cwd });
  return { ...run, doc: run.code === 0 && run.stdout ? JSON.parse(run.stdout) : undefined };
}

describe('plans compile', () => {
  it('validates against schemas/compiled.schema.json', async () => {
    const { code, doc } = await compile(['.']);
    expect(code).toBe(0);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc.files).toHaveLength(9);
    expect(doc.errorCount).toBe(0);
  });

  it('the schema rejects what it should (it is not a schema that takes anything)', async () => {
    const { doc } = await compile(['.']);
    const broken = structuredClone(doc);
    broken.plans[0].actions[0].lead = 'hz-sfj-fzdc'; // an unresolved reference
    expect(validate(broken)).toBe(false);
    const noSource = structuredClone(doc);
    delete noSource.plans[0].actions[0].targets[0].source;
    expect(validate(noSource)).toBe(false);
  });

  it('resolves references to their objects and gives each item its file and line', async () => {
    const { doc } = await compile(['.']);
    const hz = doc.plans.find((p: { city: { id: string } }) => p.city.id === 'hangzhou');
    expect(hz.city).toEqual({ id: 'hangzhou', name: '杭州市' });
    expect(hz.owner).toEqual({ id: 'hz-sfj', name: '杭州市司法局', city: 'hangzhou' });
    expect(hz.sources.map((s: { file: string }) => s.file).sort()).toEqual(['hangzhou/actions-06-10.yaml', 'hangzhou/plan.yaml']);
    const hz04 = hz.actions.find((a: { id: string }) => a.id === 'HZ-04');
    expect(hz04.source).toEqual({ file: 'hangzhou/plan.yaml', line: 89 });
    expect(hz04.lead).toEqual({ id: 'hz-sfj-xzzfjdc', name: '杭州市司法局行政执法协调监督处', city: 'hangzhou' });
    expect(hz04.tasks).toEqual([{ id: 'T04', title: '执法监督促规范护公平' }]);
    expect(hz04.measures[1]).toMatchObject({
      text: '推进实施《杭州市行政赔偿和追偿办法》',
      lead: { id: 'hz-sfj-xzfyc', name: '杭州市司法局行政复议应诉处', city: 'hangzhou' },
      due: '2022-06-30',
      source: { file: 'hangzhou/plan.yaml', line: 100 },
    });
    expect(hz04.targets[0].source).toEqual({ file: 'hangzhou/plan.yaml', line: 106 });
    const owner = doc.owners.find((o: { id: string }) => o.id === 'hz-sfj-fzdc');
    expect(owner).toMatchObject({ city: { id: 'hangzhou', name: '杭州市' }, parent: { id: 'hz-sfj', name: '杭州市司法局' }, source: { file: 'owners.yaml', line: 35 } });
    const wz = doc.progress.find((r: { city: { id: string } }) => r.city.id === 'wenzhou');
    const value = wz.values.find((v: { target: { id: string } }) => v.target.id === 'WZ-03-K2');
    expect(value).toMatchObject({ target: { id: 'WZ-03-K2', name: '人民调解成功率', action: 'WZ-03' }, value: 96.7, source: { file: 'wenzhou/progress/2022-06.yaml', line: 30 } });
  });

  it('fills defaults: nature, version, better and unit from the indicator, duty of measures, due of targets', async () => {
    const { doc } = await compile(['.']);
    const targets = doc.plans.flatMap((p: { actions: { targets: unknown[] }[] }) => p.actions.flatMap((a) => a.targets));
    const by = (id: string) => targets.find((x: { id: string }) => x.id === id);
    expect(by('HZ-05-K1')).toMatchObject({ nature: 'expected', better: 'higher', indicator: { id: 'lawyers-per-10k', name: '律师万人比', unit: '人/万人', better: 'higher' } });
    expect(by('NB-06-K1').nature).toBe('binding');
    expect(by('HZ-06-K1').better).toBe('lower');
    expect(by('WZ-02-K1').better).toBeNull();
    expect(by('NB-07-K1').target).toEqual({ form: 'change', change: '+20%', amount: 20, percent: true, text: '全年涉外法律服务业务量提升20%' });
    expect(by('WZ-03-K3').target.than).toEqual({ id: 'WZ-03-K2', name: '人民调解成功率', sort: 'target' });
    expect(doc.plans.every((p: { version: number }) => p.version === 1)).toBe(true);
    const hz01 = doc.plans[0].actions[0];
    expect(hz01.measures[0]).toMatchObject({ lead: { id: 'hz-sfj-fzdc' }, due: '2022-12-31', inherited: { lead: true, support: true, due: true } });
    expect(hz01.measures[0].support.map((s: { id: string }) => s.id)).toEqual(['hz-sfj-lfc', 'hz-sfj-xzzfjdc']);
  });

  it('paths are relative to the current directory', async () => {
    const { doc } = await compile(['examples/zhejiang-2022'], root);
    expect(doc.campaign.source).toEqual({ file: 'examples/zhejiang-2022/campaign.yaml', line: 4 });
  });

  it('refuses a repository with errors (exit 1, the errors on stderr) unless --allow-errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-compile-'));
    fs.cpSync(example, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'extra.yaml'), 'kind: Owners\nowners:\n  - {id: x, nmae: 某处}\n');
    const refused = await compile(['.'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('extra.yaml');
    expect(refused.stderr).toMatch(/3:\d+ +error/);
    expect(refused.stderr).toMatch(/nothing compiled/);
    const allowed = await compile(['.', '--allow-errors'], dir);
    expect(allowed.code).toBe(0);
    expect(allowed.doc.errorCount).toBeGreaterThan(0);
    expect(validate(allowed.doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('writes atomically with --out and refuses to overwrite an input', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plans-compile-'));
    fs.cpSync(example, dir, { recursive: true });
    const out = path.join(dir, 'compiled.json');
    expect((await compile(['.', '--out', out], dir)).code).toBe(0);
    expect(validate(JSON.parse(fs.readFileSync(out, 'utf8')))).toBe(true);
    const before = fs.readFileSync(path.join(dir, 'owners.yaml'), 'utf8');
    const run = await compile(['.', '--out', 'owners.yaml'], dir);
    expect(run.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'owners.yaml'), 'utf8')).toBe(before);
  });
});
