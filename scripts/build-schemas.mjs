#!/usr/bin/env node
// Writes schemas/*.schema.json from the one definition below, so the four kinds and the
// editor's entry schema share their parts and can never drift apart. `--check` only compares.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'schemas');
const BASE = 'https://campaign-plans.dev/schemas/';

/** Chinese first, then English: both show on hover in an editor. */
const d = (zh, en) => `${zh}\n\n${en}`;
const ref = (name) => ({ $ref: `#/definitions/${name}` });
/**
 * Marks a field whose value names an id of another sort (`reference:owner` …; on an object, its keys
 * do): lint in context reads these marks to know which files a named file needs (src/engine/context.ts).
 */
const reference = (sort) => ({ $comment: `reference:${sort}` });

const PROGRESS_VALUE = { ...ref('number'), description: d('截至 as_of 的实际值。', 'The value at as_of.'), examples: [31.5] };
const PROGRESS_UNITS = {
  type: 'object',
  additionalProperties: ref('number'),
  propertyNames: ref('id'),
  description: d('per: unit 目标按县（市、区）填报的值。', 'For a `per: unit` target: the value of each unit.'),
  examples: [{ lucheng: 3, ouhai: 6 }],
};

const definitions = {
  id: {
    type: 'string',
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
    description: d('标识：字母或数字开头，可含字母、数字、点、下划线和连字符，在同类中唯一。', 'An id: starts with a letter or digit, then letters, digits, `.`, `_` or `-`; unique within its sort.'),
    examples: ['HZ-01'],
  },
  date: {
    type: 'string',
    format: 'date',
    description: d('日期，格式 YYYY-MM-DD。', 'A date, YYYY-MM-DD.'),
    examples: ['2022-12-31'],
  },
  text: {
    type: 'string',
    minLength: 1,
    description: d('文字。', 'Free text.'),
    examples: ['研究制定杭州市行政执法裁量办法'],
  },
  version: {
    type: 'integer',
    enum: [1],
    default: 1,
    description: d('格式版本，目前为 1（可省略）。', 'Format version; 1 (the default).'),
    examples: [1],
  },
  ownerRef: {
    ...reference('owner'),
    allOf: [ref('id')],
    description: d('责任单位的标识（见 kind: Owners）。', 'The id of an owner (see kind: Owners).'),
    examples: ['hz-sfj-fzdc'],
  },
  ownerRefs: {
    type: 'array',
    items: ref('ownerRef'),
    uniqueItems: true,
    description: d('配合单位标识的列表。', 'A list of supporting owner ids.'),
    examples: [['hz-sfj-lfc', 'hz-sfj-ggflfwc']],
  },
  named: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name'],
    properties: {
      id: { ...ref('id'), description: d('标识（城市或县区）。', 'Identifier of the city or unit.'), examples: ['hangzhou'] },
      name: { ...ref('text'), description: d('名称。', 'Name.'), examples: ['杭州市'] },
    },
    description: d('带标识和名称的条目。', 'An entry with an id and a name.'),
    examples: [{ id: 'hangzhou', name: '杭州市' }],
  },
  period: {
    type: 'object',
    additionalProperties: false,
    required: ['start', 'end'],
    properties: {
      start: { ...ref('date'), description: d('开始日期。', 'First day.'), examples: ['2022-01-01'] },
      end: { ...ref('date'), description: d('结束日期。', 'Last day.'), examples: ['2022-12-31'] },
    },
    description: d('专项行动的起止日期。', 'The campaign period, both days included.'),
    examples: [{ start: '2022-01-01', end: '2022-12-31' }],
  },
  task: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title'],
    properties: {
      id: { ...ref('id'), description: d('任务标识。', 'Task id.'), examples: ['T01'] },
      title: { ...ref('text'), description: d('任务名称。', 'Task title.'), examples: ['共同富裕法治同行'] },
      subtasks: {
        type: 'array',
        items: ref('task'),
        description: d('子任务；有子任务的任务在全部子任务被覆盖时视为覆盖。', 'Subtasks; a task with subtasks is covered when all of them are.'),
        examples: [[{ id: 'T01.1', title: '完善共同富裕法规制度' }]],
      },
    },
    description: d('省级专项行动的一项任务。', 'A province task of the campaign.'),
    examples: [{ id: 'T01', title: '共同富裕法治同行' }],
  },
  better: {
    type: 'string',
    enum: ['higher', 'lower'],
    description: d('进步方向：higher（越高越好）或 lower（越低越好）。', 'Which way is progress: higher or lower.'),
    examples: ['higher'],
  },
  unitName: {
    type: 'string',
    minLength: 1,
    description: d('计量单位。', 'Unit of measure.'),
    examples: ['人/万人'],
  },
  indicator: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name'],
    properties: {
      id: { ...ref('id'), description: d('指标标识。', 'Indicator id.'), examples: ['lawyers-per-10k'] },
      name: { ...ref('text'), description: d('指标名称。', 'Indicator name.'), examples: ['律师万人比'] },
      unit: { ...ref('unitName'), description: d('指标单位；引用它的目标须使用同一单位。', 'Unit; targets that name the indicator must use the same unit.') },
      better: ref('better'),
      required: {
        type: 'boolean',
        default: false,
        description: d('为 true 时，每个城市的方案都须设定该指标的目标。', 'When true, every city plan must target this indicator.'),
        examples: [true],
      },
    },
    description: d('全省统一的指标。', 'An indicator of the campaign, shared by all cities.'),
    examples: [{ id: 'lawyers-per-10k', name: '律师万人比', unit: '人/万人', better: 'higher', required: true }],
  },
  owner: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name'],
    properties: {
      id: { ...ref('id'), description: d('单位标识。', 'Owner id.'), examples: ['hz-sfj'] },
      name: { ...ref('text'), description: d('单位全称，表格中显示。', 'Full name, printed in tables.'), examples: ['杭州市司法局'] },
      city: { ...ref('id'), ...reference('city'), description: d('所属城市标识；省级单位省略。', 'The city it belongs to; omitted for province-level owners.'), examples: ['hangzhou'] },
      parent: { ...ref('ownerRef'), description: d('上级单位标识。', 'The parent owner id.'), examples: ['zj-sft'] },
      aliases: {
        type: 'array',
        items: ref('text'),
        description: d('别名。', 'Other names.'),
        examples: [['杭州司法局']],
      },
    },
    description: d('责任单位（牵头或配合）。', 'A body that leads or supports actions.'),
    examples: [{ id: 'hz-sfj', name: '杭州市司法局', city: 'hangzhou', parent: 'zj-sft' }],
  },
  number: {
    type: 'number',
    description: d('数值。', 'A number.'),
    examples: [30000],
  },
  op: {
    type: 'string',
    enum: ['>=', '>', '<=', '<', '=', '~'],
    description: d('比较方式：>=、>、<=、<、=，或 ~（左右，在 tolerance 之内）。YAML 中须加引号，如 ">="、"~"。', 'Comparison: >=, >, <=, <, =, or ~ (about: within tolerance). Quote it in YAML: ">=", "~".'),
    examples: ['>='],
  },
  tolerance: {
    type: 'number',
    minimum: 0,
    description: d('op 为 ~ 时允许的偏差（与目标同单位），默认为目标值的 5%。', 'With op ~: the allowed deviation, in the target\'s unit; default 5% of value.'),
    examples: [0.5],
  },
  wording: {
    type: 'string',
    minLength: 1,
    description: d('表格中显示的目标表述；省略时由工具按目标形式生成。', 'The wording printed in tables; without it the tool writes it from the form.'),
    examples: ['累计降低13.5%'],
  },
  change: {
    type: 'string',
    pattern: '^[+-][0-9]+(\\.[0-9]+)?%?$',
    description: d('相对基数的变化，带正负号：带 % 为相对变化，不带为绝对变化。', 'Change from the baseline, signed: with % relative, without absolute.'),
    examples: ['+20%'],
  },
  targetValue: {
    $comment: 'oneOf:targetValue',
    type: 'object',
    description: d(
      '目标，取以下形式之一：水平 {op, value}、区间 {min, max}、变化 {change}、年均变化 {annual_change}、相对 {op, than}、定性 {text}。',
      'The target, in one of these forms: level {op, value}, range {min, max}, change {change}, annual change {annual_change}, relative {op, than}, qualitative {text}.',
    ),
    examples: [{ op: '>=', value: 30000 }, { min: 5.0, max: 5.5 }, { change: '+20%' }, { annual_change: '+7%' }, { op: '>', than: 'gdp-growth' }, { text: '保持在合理区间' }],
    oneOf: [
      {
        title: 'level',
        type: 'object',
        additionalProperties: false,
        required: ['op', 'value'],
        properties: { op: ref('op'), value: { ...ref('number'), description: d('目标值。', 'Target value.') }, tolerance: ref('tolerance'), text: ref('wording') },
      },
      {
        title: 'range',
        type: 'object',
        additionalProperties: false,
        required: ['min', 'max'],
        properties: {
          min: { ...ref('number'), description: d('下限（含）。', 'Lower bound, included.'), examples: [5.0] },
          max: { ...ref('number'), description: d('上限（含）。', 'Upper bound, included.'), examples: [5.5] },
          text: ref('wording'),
        },
      },
      {
        title: 'change',
        type: 'object',
        additionalProperties: false,
        required: ['change'],
        properties: { change: ref('change'), text: ref('wording') },
      },
      {
        title: 'annual change',
        type: 'object',
        additionalProperties: false,
        required: ['annual_change'],
        properties: {
          annual_change: { ...ref('change'), description: d('相对基数的年均（复合）增长，带正负号。', 'Average yearly (compound) change from the baseline, signed.'), examples: ['+7%'] },
          text: ref('wording'),
        },
      },
      {
        title: 'relative',
        type: 'object',
        additionalProperties: false,
        required: ['op', 'than'],
        properties: {
          op: ref('op'),
          than: { ...ref('id'), ...reference('target'), description: d('比较对象：本方案的目标或专项行动的指标标识。', 'What it is compared with: a target of the plan or an indicator of the campaign.'), examples: ['gdp-growth'] },
          tolerance: ref('tolerance'),
          text: ref('wording'),
        },
      },
      {
        title: 'qualitative',
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: { text: { ...ref('wording'), description: d('只用文字表述的目标（将报告为未量化）。', 'A target in words only (reported as not quantified).'), examples: ['保持在合理区间'] } },
      },
    ],
  },
  baseline: {
    type: 'object',
    additionalProperties: false,
    required: ['value'],
    properties: {
      value: { ...ref('number'), description: d('基数值。', 'Baseline value.'), examples: [5.1] },
      date: { ...ref('date'), description: d('基数的日期；省略时取专项行动开始日期。', 'Date of the baseline; default the campaign start.'), examples: ['2021-12-31'] },
      text: { ...ref('wording'), description: d('表格中显示的基数表述。', 'Wording printed in tables instead of the number.'), examples: ['77.3*'] },
    },
    description: d('基数（起点）。', 'The baseline (starting point).'),
    examples: [{ value: 5.1, date: '2021-12-31' }],
  },
  target: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'target'],
    properties: {
      id: { ...ref('id'), description: d('目标标识。', 'Target id.'), examples: ['HZ-01-K1'] },
      name: { ...ref('text'), description: d('指标名称。', 'What is measured.'), examples: ['律师万人比'] },
      indicator: { ...ref('id'), ...reference('indicator'), description: d('对应的专项行动指标标识（可选）。', 'The campaign indicator it targets (optional).'), examples: ['lawyers-per-10k'] },
      unit: ref('unitName'),
      better: ref('better'),
      per: {
        type: 'string',
        enum: ['unit'],
        description: d('为 unit 时，目标分别适用于方案的每个县（市、区）。', 'With `unit`, the target applies to each of the plan\'s units separately.'),
        examples: ['unit'],
      },
      baseline: ref('baseline'),
      target: ref('targetValue'),
      due: { ...ref('date'), description: d('完成期限。', 'When the target is due.'), examples: ['2025-12-31'] },
      nature: {
        type: 'string',
        enum: ['expected', 'binding'],
        default: 'expected',
        description: d('指标属性：expected（预期性）或 binding（约束性），默认 expected。', 'expected (预期性) or binding (约束性); default expected.'),
        examples: ['binding'],
      },
    },
    description: d('量化目标（指标）。', 'A quantified target (指标).'),
    examples: [{ id: 'HZ-01-K1', name: '律师万人比', unit: '人/万人', baseline: { value: 5.1, date: '2021-12-31' }, target: { op: '>=', value: 6 }, due: '2025-12-31' }],
  },
  measure: {
    $comment: 'oneOf:measure',
    description: d('具体措施：一段文字，或 {text, lead, support, due}。', 'A measure: a string, or {text, lead, support, due}.'),
    examples: ['研究制定杭州市行政执法裁量办法', { text: '推进实施《杭州市行政赔偿和追偿办法》', lead: 'hz-sfj-fzdc', due: '2022-06-30' }],
    oneOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { ...ref('text'), description: d('措施内容。', 'What is done.') },
          lead: { ...ref('ownerRef'), description: d('牵头单位（默认为所属行动的牵头单位）。', 'Lead owner (default: the action\'s).') },
          support: ref('ownerRefs'),
          due: { ...ref('date'), description: d('完成时限。', 'Due date.') },
        },
      },
    ],
  },
  action: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'tasks', 'lead'],
    properties: {
      id: { ...ref('id'), description: d('行动标识。', 'Action id.'), examples: ['HZ-01'] },
      title: { ...ref('text'), description: d('行动名称。', 'Action title.'), examples: ['共同富裕法治同行行动'] },
      tasks: {
        ...reference('task'),
        type: 'array',
        minItems: 1,
        items: ref('id'),
        uniqueItems: true,
        description: d('落实的省级任务标识（至少一项）。', 'The province tasks it implements (at least one).'),
        examples: [['T01']],
      },
      track: { ...ref('text'), description: d('分组标签（跑道、动能等，可选）。', 'Optional grouping label (跑道, 动能, …).'), examples: ['法治政府建设'] },
      lead: { ...ref('ownerRef'), description: d('牵头单位：恰好一个单位标识，其他单位写在 support。', 'The lead: exactly one owner id; others go under support.') },
      support: { ...ref('ownerRefs'), description: d('配合单位标识的列表（可选）。', 'Supporting owner ids (optional).') },
      due: { ...ref('date'), description: d('完成时限。', 'Due date.') },
      measures: {
        type: 'array',
        items: ref('measure'),
        description: d('具体措施。', 'The measures under the action.'),
        examples: [['研究制定杭州市行政执法裁量办法']],
      },
      targets: {
        type: 'array',
        items: ref('target'),
        description: d('量化目标。', 'Quantified targets.'),
        examples: [[{ id: 'HZ-01-K1', name: '律师万人比', unit: '人/万人', target: { op: '>=', value: 6 } }]],
      },
    },
    description: d('实施方案中的一项行动。', 'An action of a city plan.'),
    examples: [{ id: 'HZ-01', title: '共同富裕法治同行行动', tasks: ['T01'], lead: 'hz-sfj-fzdc', due: '2022-12-31' }],
  },
  progressValue: {
    type: 'object',
    additionalProperties: false,
    required: ['target'],
    properties: {
      target: { ...ref('id'), ...reference('target'), description: d('目标标识。', 'Target id.'), examples: ['WZ-01-K1'] },
      value: PROGRESS_VALUE,
      units: { ...reference('unit'), ...PROGRESS_UNITS },
      note: { ...ref('text'), description: d('备注。', 'Note.'), examples: ['半年数'] },
    },
    $comment: 'oneOf:progressValue',
    // each branch declares the property it requires, as ajv's strict mode (strictRequired) asks
    // (annotations only: the parent's properties check the values, once)
    oneOf: [
      { required: ['value'], properties: { value: { description: PROGRESS_VALUE.description, examples: PROGRESS_VALUE.examples } } },
      { required: ['units'], properties: { units: { description: PROGRESS_UNITS.description, examples: PROGRESS_UNITS.examples } } },
    ],
    description: d('一个目标的进展值：value，或 per: unit 目标的 units（二者取一）。', 'The progress of one target: value, or units for a `per: unit` target (one of the two).'),
    examples: [{ target: 'WZ-01-K1', value: 31.5, note: '半年数' }],
  },
};

const kindProp = (kind) => ({
  type: 'string',
  const: kind,
  description: d('文档类型：Campaign、Owners、Plan 或 Progress。', 'What the document is: Campaign, Owners, Plan or Progress.'),
  examples: [kind],
});

const kinds = {
  Campaign: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'id', 'title', 'period', 'cities', 'tasks'],
    properties: {
      kind: kindProp('Campaign'),
      version: ref('version'),
      id: { ...ref('id'), description: d('专项行动标识。', 'Campaign id.'), examples: ['fazhu-gongfu-2022'] },
      title: { ...ref('text'), description: d('专项行动名称。', 'Campaign title.'), examples: ['“法助共富、法护平安”专项行动'] },
      issuer: { ...ref('ownerRef'), description: d('印发单位标识。', 'The issuing owner.'), examples: ['zj-sft'] },
      period: ref('period'),
      cities: {
        type: 'array',
        minItems: 1,
        items: ref('named'),
        description: d('须报送实施方案的城市。', 'The cities that must submit a plan.'),
        examples: [[{ id: 'hangzhou', name: '杭州市' }]],
      },
      tasks: {
        type: 'array',
        minItems: 1,
        items: ref('task'),
        description: d('省级任务，可用 subtasks 嵌套。', 'Province tasks; may nest with subtasks.'),
        examples: [[{ id: 'T01', title: '共同富裕法治同行' }]],
      },
      indicators: {
        type: 'array',
        items: ref('indicator'),
        description: d('各城市共用的指标目录（可选）。', 'Optional catalogue of indicators shared by all cities.'),
        examples: [[{ id: 'lawyers-per-10k', name: '律师万人比', unit: '人/万人', better: 'higher', required: true }]],
      },
    },
    description: d('省级专项行动方案。', 'The province campaign.'),
  },
  Owners: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'owners'],
    properties: {
      kind: kindProp('Owners'),
      version: ref('version'),
      owners: {
        type: 'array',
        items: ref('owner'),
        description: d('责任单位列表；多个 Owners 文档合并。', 'Owners; several Owners documents are merged.'),
        examples: [[{ id: 'hz-sfj', name: '杭州市司法局', city: 'hangzhou' }]],
      },
    },
    description: d('责任单位名录。', 'The owners (bodies that lead or support).'),
  },
  Plan: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'campaign', 'city'],
    properties: {
      kind: kindProp('Plan'),
      version: ref('version'),
      campaign: { ...ref('id'), ...reference('campaign'), description: d('所落实的专项行动标识。', 'The campaign it implements.'), examples: ['fazhu-gongfu-2022'] },
      city: { ...ref('id'), ...reference('city'), description: d('城市标识（须列在专项行动的 cities 中）。', 'The city (one of the campaign\'s cities).'), examples: ['hangzhou'] },
      title: { ...ref('text'), description: d('实施方案名称。', 'Plan title.'), examples: ['杭州市司法行政系统“法助共富、法护平安”专项行动实施方案'] },
      owner: { ...ref('ownerRef'), description: d('印发方案的单位。', 'The body that issues the plan.'), examples: ['hz-sfj'] },
      adopted: { ...ref('date'), description: d('印发日期（可选）。', 'Date adopted (optional).'), examples: ['2022-02-15'] },
      units: {
        type: 'array',
        items: ref('named'),
        description: d('城市所辖县（市、区），供 per: unit 目标使用。', 'The city\'s counties and districts, for `per: unit` targets.'),
        examples: [[{ id: 'xihu', name: '西湖区' }]],
      },
      actions: {
        type: 'array',
        items: ref('action'),
        description: d('行动；同一城市的多个 Plan 文档合并。', 'Actions; several Plan documents of one city are merged.'),
        examples: [[{ id: 'HZ-01', title: '共同富裕法治同行行动', tasks: ['T01'], lead: 'hz-sfj-fzdc' }]],
      },
    },
    description: d('城市实施方案（分工责任清单）。', 'A city\'s implementation plan.'),
  },
  Progress: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'campaign', 'city', 'as_of', 'values'],
    properties: {
      kind: kindProp('Progress'),
      version: ref('version'),
      campaign: { ...ref('id'), ...reference('campaign'), description: d('专项行动标识。', 'Campaign id.'), examples: ['fazhu-gongfu-2022'] },
      city: { ...ref('id'), ...reference('city'), description: d('城市标识。', 'City id.'), examples: ['wenzhou'] },
      as_of: { ...ref('date'), description: d('数据截至日期。', 'The date the values are as of.'), examples: ['2022-06-30'] },
      values: {
        type: 'array',
        items: ref('progressValue'),
        description: d('各目标的进展值。', 'The progress of each target.'),
        examples: [[{ target: 'WZ-01-K1', value: 31.5 }]],
      },
    },
    description: d('城市阶段性进展报告。', 'A city\'s progress report.'),
  },
};

const files = {};
for (const [kind, schema] of Object.entries(kinds)) {
  files[`${kind.toLowerCase()}.schema.json`] = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${BASE}${kind.toLowerCase()}.schema.json`,
    title: `plans: kind ${kind}`,
    ...schema,
    definitions,
  };
}
const kindNames = Object.keys(kinds);
files['plans.schema.json'] = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${BASE}plans.schema.json`,
  title: 'plans: any plan file',
  description: d('plans 仓库中的任一文档，按 kind 选择对应的结构。', 'Any document of a plans repository; `kind` selects its shape.'),
  type: 'object',
  required: ['kind'],
  properties: {
    kind: {
      type: 'string',
      enum: kindNames,
      description: d('文档类型：Campaign、Owners、Plan 或 Progress。', 'What the document is: Campaign, Owners, Plan or Progress.'),
      examples: ['Plan'],
    },
  },
  allOf: kindNames.map((kind) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: ref(kind),
  })),
  definitions: { ...definitions, ...kinds },
};

const check = process.argv.includes('--check');
let stale = 0;
fs.mkdirSync(out, { recursive: true });
for (const [name, schema] of Object.entries(files)) {
  const text = JSON.stringify(schema, null, 2) + '\n';
  const file = path.join(out, name);
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (old === text) continue;
  if (check) {
    console.error(`schemas/${name} is out of date: run node scripts/build-schemas.mjs`);
    stale++;
  } else {
    fs.writeFileSync(file, text);
  }
}
process.exitCode = stale ? 1 : 0;
