import type { Catalog, MessageData } from '../index.js';

const suggestion = (d: MessageData, lang: 'zh' | 'en') =>
  d.suggestion ? (lang === 'zh' ? `；是否为“${d.suggestion}”？` : `; did you mean '${d.suggestion}'?`) : '';

/** Word documents, and the progress workbook of `plans template progress` / `plans import progress`. */
export const officeMessages = {
  // Word
  'office/attachment': { zh: '附件{n}', en: 'Attachment {n}' },
  'office/bad-attachment': { zh: '--attachment 须为正整数，而不是“{value}”', en: '--attachment takes a whole number from 1, not `{value}`' },
  'office/attachment-needs-docx': { zh: '--attachment 只用于 --format docx', en: '--attachment is for --format docx only' },

  // the progress workbook
  'progress/col/target': { zh: '指标编号', en: 'Target' },
  'progress/col/name': { zh: '指标名称', en: 'Name' },
  'progress/col/unit': { zh: '县（市、区）', en: 'Unit' },
  'progress/col/measure': { zh: '计量单位', en: 'Unit of measure' },
  'progress/col/baseline': { zh: '基数', en: 'Baseline' },
  'progress/col/goal': { zh: '目标值', en: 'Target value' },
  'progress/col/latest': { zh: '最新值', en: 'Latest value' },
  'progress/col/latest-date': { zh: '最新值日期', en: 'Latest as of' },
  'progress/col/value': { zh: '本期数值', en: 'Value' },
  'progress/col/note': { zh: '备注', en: 'Note' },
  'progress/sheet-title': { zh: '{city}指标进展填报表（截至 {date}）', en: '{city}: progress of targets as of {date}' },
  'progress/sheet-title-undated': { zh: '{city}指标进展填报表', en: '{city}: progress of targets' },
  'progress/instructions-sheet': { zh: '填报说明', en: 'Instructions' },
  'progress/instructions-title': { zh: '{campaign} 指标进展填报说明', en: '{campaign}: how to fill in the progress report' },
  'progress/instructions': {
    zh: (d) =>
      [
        `1. 每个城市一张工作表（${d.sheets}），每行一项量化指标；按县（市、区）分别考核的指标，每个县（市、区）一行。`,
        '2. 只填写黄色的“本期数值”和“备注”两列；其余各列是方案中的内容，已锁定（工作表保护未设密码）。',
        '3. “本期数值”只填数字，例如 31.5 或 30000，可带千位分隔符；单位为 % 的指标可写 95 或 95%。不要填写单位或文字（如“三万”）。',
        '4. 没有新数据的指标留空即可，留空的行不会导入。',
        `5. 填好后交回，由方案仓库的维护人员执行：plans import progress 本文件 --city 城市标识 --as-of ${d.date}`,
        `   导入时会逐格检查，任何一格有误都不会写入，并指出工作表和单元格（如 ${d.example}）。`,
      ].join('\n'),
    en: (d) =>
      [
        `1. One sheet per city (${d.sheets}), one row per quantified target; a target judged for each unit (county, district) has one row per unit.`,
        '2. Fill in only the yellow columns Value and Note; the other columns are the plan and are locked (the sheet protection has no password).',
        '3. Value takes a number only, such as 31.5 or 30000, thousands separators allowed; for a target in % write 95 or 95%. No units or words.',
        '4. Leave a row empty when there is nothing new: empty rows are not imported.',
        `5. Send the file back; the keeper of the plans repository runs: plans import progress THIS-FILE --city CITY --as-of ${d.date}`,
        `   The import checks every cell; with any mistake nothing is written, and each mistake is named by sheet and cell (such as ${d.example}).`,
      ].join('\n'),
  },
  'progress/validation-title': { zh: '本期数值', en: 'Value' },
  'progress/validation': { zh: '请填写数字（不带单位和文字）', en: 'Enter a number (no units, no words)' },

  // template
  'progress/no-plan': { zh: '城市 `{city}` 没有方案，无法生成填报表', en: 'city `{city}` has no plan to make a progress sheet from' },
  'progress/bad-out': { zh: '--out 须以 .xlsx 或 .csv 结尾，而不是 `{path}`', en: '--out must end in .xlsx or .csv, not `{path}`' },
  'progress/needs-out': { zh: 'plans template progress 需要 --out FILE.xlsx 或 FILE.csv', en: 'plans template progress needs --out FILE.xlsx or FILE.csv' },
  'progress/csv-one-city': { zh: 'CSV 只能容纳一个城市，请只给一个 --city', en: 'a CSV holds one city: give one --city' },
  'progress/needs-city': { zh: '需要 --city ID', en: '--city ID is required' },
  'progress/one-city': { zh: '导入只针对一个城市：请只给一个 --city', en: 'an import is for one city: give one --city' },
  'progress/needs-as-of': { zh: '需要 --as-of YYYY-MM-DD（本期数据的截止日期）', en: '--as-of YYYY-MM-DD is required (the date the values are as of)' },

  // import: reading the file
  'progress/unreadable': { zh: '无法读取 `{path}`：{reason}', en: 'cannot read `{path}`: {reason}' },
  'progress/bad-file-type': { zh: '`{path}` 不是 .xlsx 或 .csv 文件', en: '`{path}` is not an .xlsx or .csv file' },
  'progress/exists': { zh: '`{path}` 已存在，不会覆盖；请用 --out 指定新文件', en: '`{path}` exists and is never overwritten; name another file with --out' },
  'progress/written': { zh: '已写入 {path}（{count} 项指标）', en: (d) => `wrote ${d.path} (${d.count} ${d.count === 1 ? 'target' : 'targets'})` },
  'progress/yaml-comment': {
    zh: '由 plans import progress 自 {workbook} 导入；数据截至 {asOf}，导入于 {date}。',
    en: 'Imported by plans import progress from {workbook}; values as of {asOf}, imported on {date}.',
  },

  // import: findings (each names its sheet and cell)
  'progress/no-header': {
    zh: '{sheet}：找不到表头（须有“指标编号”和“本期数值”两列）',
    en: "{sheet}: no header row found (it needs the columns 'Target' and 'Value')",
  },
  'progress/no-values': { zh: '工作簿中没有填写任何本期数值', en: 'the workbook has no value filled in' },
  'progress/not-a-number': { zh: '{cell}：“{value}”不是数字', en: '{cell}: {value} is not a number' },
  'progress/percent-not-percent': {
    zh: '{cell}：“{value}”带 %，但指标 {target} 的单位是“{unit}”',
    en: "{cell}: {value} is a percentage, but target {target} is in '{unit}'",
  },
  'progress/missing-target': { zh: '{cell}：填了本期数值，但没有指标编号', en: '{cell}: a value without a target id' },
  'progress/unknown-target': {
    zh: (d) => `${d.cell}：指标“${d.id}”未定义${suggestion(d, 'zh')}`,
    en: (d) => `${d.cell}: target '${d.id}' is not defined${suggestion(d, 'en')}`,
  },
  'progress/other-city': { zh: '{cell}：指标 {id} 属于{other}，不属于{city}', en: '{cell}: target {id} belongs to {other}, not {city}' },
  'progress/unit-for-plain': {
    zh: '{cell}：指标 {target} 不按县（市、区）考核，此行却写了“{unit}”',
    en: "{cell}: target {target} is not judged per unit, but this row names unit '{unit}'",
  },
  'progress/unit-missing': {
    zh: '{cell}：指标 {target} 按县（市、区）分别考核，此行须写明县（市、区）',
    en: '{cell}: target {target} is judged per unit: the row must name its unit',
  },
  'progress/unknown-unit': {
    zh: (d) => `${d.cell}：“${d.unit}”不是${d.city}的县（市、区）${suggestion(d, 'zh')}`,
    en: (d) => `${d.cell}: '${d.unit}' is not a unit of ${d.city}${suggestion(d, 'en')}`,
  },
  'progress/conflict': {
    zh: '{cell}：{what} 在 {other} 已填 {first}，此处又填 {second}',
    en: '{cell}: {what} is {first} at {other} and {second} here',
  },
  'progress/note-without-value': { zh: '{cell}：备注已填但本期数值为空，此行未导入', en: '{cell}: a note without a value; the row is not imported' },
  'progress/would-not-lint': {
    zh: '导入结果不能通过检查（{rule}）：{message}',
    en: 'the imported file would not lint clean ({rule}): {message}',
  },
} satisfies Catalog;
