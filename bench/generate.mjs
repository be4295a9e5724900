// Generates a valid plans repository for the benchmark: N cities × 20 actions × 3 targets, one
// Dates are quoted so that ajv-cli (js-yaml, YAML 1.1 timestamps → Date objects) sees the same strings as plans.
// file per action, plus each city's plan header (with its owners), one progress report per city,
// the campaign and the province owners: 22·N + 2 files. Deterministic, so runs compare.
import fs from 'node:fs';
import path from 'node:path';

export const ACTIONS_PER_CITY = 20;
export const TARGETS_PER_ACTION = 3;

const TASKS = [
  '共同富裕法治同行', '共同富裕立法引领', '法治化营商环境服务创新', '执法监督促规范护公平', '公共法律服务扶弱托底',
  '刑事执行保安全助回归', '基层治理解纠纷促和谐', '普法宣传育文化提素养', '数智司法提速增效', '司法行政铸魂强基',
  '涉外法治服务开放', '法律援助惠民', '公证服务便民', '司法鉴定规范', '仲裁公信提升',
  '人民调解提质', '法治乡村建设', '法治文化阵地', '依法行政考核', '队伍教育整顿',
];
const MEASURES = [
  '研究制定行政执法裁量基准，统一执法尺度，推进严格规范公正文明执法',
  '推进实施行政赔偿和追偿办法，完善行政复议与诉讼衔接机制',
  '深化“最多跑一次”改革，推动公共法律服务事项“一网通办、掌上可办”',
  '组织律师、公证员、调解员深入企业开展“法治体检”，形成问题清单和整改建议',
  '建设县乡村三级公共法律服务实体平台，推动服务资源向基层下沉',
  '健全矛盾纠纷多元化解机制，推进诉调、警调、访调衔接',
  '开展“八五”普法中期评估，落实“谁执法谁普法”责任制',
  '推进数字化改革重大应用建设，打通司法行政数据共享通道',
  '加强涉外法律服务人才培养，建立涉外律师人才库',
  '完善法律援助经费保障和案件质量评估机制',
];
const TRACKS = ['法治政府建设', '营商环境', '公共法律服务', '执法司法监督', '基层治理', '数字化改革'];
const UNITS = [['d01', '上城区'], ['d02', '拱墅区'], ['d03', '西湖区'], ['d04', '滨江区'], ['d05', '萧山区']];

const pad = (n, w) => String(n).padStart(w, '0');
export const cityId = (c) => `c${pad(c, 4)}`;
const actionId = (c, a) => `C${pad(c, 4)}-${pad(a, 2)}`;
const ownerId = (c, o) => (o === 0 ? `${cityId(c)}-sfj` : `${cityId(c)}-sfj-${pad(o, 2)}`);
const OWNERS_PER_CITY = 12;

function campaignYaml(n) {
  const lines = [
    '# 基准数据（生成）：专项行动方案 / generated benchmark campaign',
    'version: 1',
    'kind: Campaign',
    'id: bench-2022',
    'title: “法助共富、法护平安”专项行动（基准）',
    'issuer: prov-sft',
    'period: {start: "2022-01-01", end: "2022-12-31"}',
    'cities:',
  ];
  for (let c = 1; c <= n; c++) lines.push(`  - {id: ${cityId(c)}, name: 第${c}市}`);
  lines.push('tasks:');
  TASKS.forEach((title, i) => lines.push(`  - {id: T${pad(i + 1, 2)}, title: ${title}}`));
  lines.push(
    'indicators:',
    '  - id: lawyers-per-10k',
    '    name: 律师万人比',
    '    unit: 人/万人',
    '    better: higher',
    '    required: true',
    '  - id: satisfaction-rate',
    '    name: 公共法律服务群众总体满意率',
    '    unit: "%"',
    '    better: higher',
  );
  return lines.join('\n') + '\n';
}

function provinceOwnersYaml() {
  return [
    '# 省级责任单位 / province owners',
    'version: 1',
    'kind: Owners',
    'owners:',
    '  - id: prov-sft',
    '    name: 省司法厅',
    '    aliases: [司法厅]',
    '  - id: prov-jyglj',
    '    name: 省监狱管理局',
    '    parent: prov-sft',
    '',
  ].join('\n');
}

function planHeaderYaml(c) {
  const city = cityId(c);
  const lines = [
    `# 第${c}市实施方案（行动分文件写在 actions/ 下）`,
    'version: 1',
    'kind: Plan',
    'campaign: bench-2022',
    `city: ${city}`,
    `title: 第${c}市司法行政系统“法助共富、法护平安”专项行动实施方案`,
    `owner: ${ownerId(c, 0)}`,
    'adopted: "2022-02-15"',
    'units:',
    ...UNITS.map(([id, name]) => `  - {id: ${city}-${id}, name: 第${c}市${name}}`),
    '---',
    'version: 1',
    'kind: Owners',
    'owners:',
  ];
  for (let o = 0; o < OWNERS_PER_CITY; o++) {
    lines.push(`  - id: ${ownerId(c, o)}`, `    name: 第${c}市司法局${o === 0 ? '' : `第${o}处`}`, `    city: ${city}`, `    parent: ${o === 0 ? 'prov-sft' : ownerId(c, 0)}`);
  }
  return lines.join('\n') + '\n';
}

/** The value of target k of action a in city c at baseline, target and mid-year. */
function figures(c, a, k) {
  const base = 10 + ((c * 7 + a * 3 + k) % 40);
  return { base, goal: base * 2, mid: base * 1.6 };
}

function actionYaml(c, a) {
  const city = cityId(c);
  const id = actionId(c, a);
  const lines = [
    `# 第${c}市 行动 ${a}：${TASKS[(a - 1) % TASKS.length]}`,
    'version: 1',
    'kind: Plan',
    'campaign: bench-2022',
    `city: ${city}`,
    'actions:',
    `  - id: ${id}`,
    `    title: ${TASKS[(a - 1) % TASKS.length]}行动（第${c}市）`,
    `    tasks: [T${pad(a, 2)}]`,
    `    track: ${TRACKS[a % TRACKS.length]}`,
    `    lead: ${ownerId(c, 1 + (a % (OWNERS_PER_CITY - 1)))}`,
    `    support: [${ownerId(c, 1 + ((a + 1) % (OWNERS_PER_CITY - 1)))}, ${ownerId(c, 1 + ((a + 2) % (OWNERS_PER_CITY - 1)))}, prov-jyglj]`,
    '    due: "2022-12-31"',
    '    measures:',
  ];
  for (let m = 0; m < 28; m++) {
    const text = MEASURES[(a + m) % MEASURES.length];
    if (m % 3 === 1) {
      lines.push(
        `      - text: ${text}（${m + 1}）`,
        `        lead: ${ownerId(c, 1 + ((a + m) % (OWNERS_PER_CITY - 1)))}`,
        `        support: [${ownerId(c, 1 + ((a + m + 1) % (OWNERS_PER_CITY - 1)))}]`,
        `        due: "2022-${pad(6 + (m % 7), 2)}-30"`,
      );
    } else {
      lines.push(`      - ${text}（${m + 1}）`);
    }
  }
  lines.push('    targets:');
  for (let k = 1; k <= TARGETS_PER_ACTION; k++) {
    const { base, goal } = figures(c, a, k);
    const tid = `${id}-K${k}`;
    if (a === 1 && k === 1) {
      lines.push(
        `      - id: ${tid}`,
        '        name: 律师万人比',
        '        indicator: lawyers-per-10k',
        '        unit: 人/万人',
        `        baseline: {value: ${base}, date: "2021-12-31"}`,
        `        target: {op: ">=", value: ${goal}}`,
        '        due: "2022-12-31"',
        '        nature: binding',
      );
    } else if (k === 2) {
      lines.push(
        `      - id: ${tid}`,
        `        name: ${TASKS[(a - 1) % TASKS.length]}服务量`,
        '        unit: 件',
        `        baseline: {value: ${base * 100}, date: "2021-12-31", text: "${base * 100}*"}`,
        '        target: {change: "+100%", text: 比上年翻一番}',
        '        due: "2022-12-31"',
      );
    } else {
      lines.push(
        `      - id: ${tid}`,
        `        name: ${TASKS[(a - 1) % TASKS.length]}覆盖率`,
        '        unit: "%"',
        `        baseline: {value: ${base}, date: "2021-12-31"}`,
        `        target: {op: ">=", value: ${goal}, text: 达到${goal}%以上}`,
        '        due: "2022-12-31"',
        '        nature: expected',
      );
    }
  }
  return lines.join('\n') + '\n';
}

function progressYaml(c) {
  const lines = ['# 上半年进展（生成的示意数据）', 'version: 1', 'kind: Progress', 'campaign: bench-2022', `city: ${cityId(c)}`, 'as_of: "2022-06-30"', 'values:'];
  for (let a = 1; a <= ACTIONS_PER_CITY; a++) {
    for (let k = 1; k <= TARGETS_PER_ACTION; k++) {
      const { base, mid } = figures(c, a, k);
      const value = k === 2 ? base * 160 : mid;
      lines.push(`  - {target: ${actionId(c, a)}-K${k}, value: ${value}, note: 上半年数}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Writes a repository of `cities` cities into `dir` (emptied first); returns its file list. */
export function generate(dir, cities) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  const write = (rel, text) => {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    files.push(rel);
  };
  write('campaign.yaml', campaignYaml(cities));
  write('owners.yaml', provinceOwnersYaml());
  for (let c = 1; c <= cities; c++) {
    const city = cityId(c);
    write(`${city}/plan.yaml`, planHeaderYaml(c));
    for (let a = 1; a <= ACTIONS_PER_CITY; a++) write(`${city}/actions/${pad(a, 2)}.yaml`, actionYaml(c, a));
    write(`${city}/progress/2022-06.yaml`, progressYaml(c));
  }
  return files;
}

/** Cities needed for about `files` files. */
export function citiesFor(files) {
  return Math.max(1, Math.round((files - 2) / (ACTIONS_PER_CITY + 2)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench/work/repo', cities = '9'] = process.argv.slice(2);
  const files = generate(dir, Number(cities));
  console.log(`${files.length} files in ${dir}`);
}
