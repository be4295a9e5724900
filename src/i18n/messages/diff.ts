import type { Catalog, MessageData } from '../index.js';

const plural = (n: unknown, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `(tolerance widened; per: unit dropped)` after a verdict, or nothing. */
function because(d: MessageData, lang: 'zh' | 'en'): string {
  const reasons = (d.reasons as { zh: string; en: string }[] | undefined) ?? [];
  if (reasons.length === 0) return '';
  const list = reasons.map((r) => r[lang]).join(lang === 'zh' ? '；' : '; ');
  return lang === 'zh' ? `（${list}）` : ` (${list})`;
}
const words = (v: unknown, lang: 'zh' | 'en') => (typeof v === 'object' && v !== null ? (v as Record<string, string>)[lang] : String(v));

/** Messages of `plans diff`: one per change kind, the reasons of a verdict, headings of the reports. */
export const diffMessages = {
  'diff/target-weakened': {
    zh: (d) => `指标 ${d.target} 要求降低${because(d, 'zh')}：${words(d.before, 'zh')} → ${words(d.after, 'zh')}`,
    en: (d) => `target ${d.target} asks for less${because(d, 'en')}: ${words(d.before, 'en')} → ${words(d.after, 'en')}`,
  },
  'diff/target-strengthened': {
    zh: (d) => `指标 ${d.target} 要求提高${because(d, 'zh')}：${words(d.before, 'zh')} → ${words(d.after, 'zh')}`,
    en: (d) => `target ${d.target} asks for more${because(d, 'en')}: ${words(d.before, 'en')} → ${words(d.after, 'en')}`,
  },
  'diff/reason/range': { zh: '区间放宽或改变', en: 'the range is looser or moved' },
  'diff/reason/tolerance': { zh: '容差改变', en: 'tolerance changed' },
  'diff/reason/op': { zh: '比较符改变', en: 'the comparison changed' },
  'diff/reason/form': { zh: '目标形式改变', en: 'the form of the target changed' },
  'diff/reason/words': { zh: '由量化改为文字表述', en: 'quantified → words' },
  'diff/reason/quantified': { zh: '由文字表述改为量化', en: 'words → quantified' },
  'diff/reason/per-unit-dropped': { zh: '不再要求各县（市、区）分别达到，per: unit 已删除', en: 'no longer for each unit: per: unit dropped' },
  'diff/reason/per-unit-added': { zh: '改为各县（市、区）分别达到', en: 'now for each unit: per: unit' },
  'diff/reason/not-binding': { zh: '由约束性改为预期性', en: 'binding → expected' },
  'diff/reason/binding': { zh: '由预期性改为约束性', en: 'expected → binding' },
  'diff/reason/than': { zh: '比较对象改变', en: 'compared with something else' },
  'diff/reason/no-direction': { zh: '无 better 可判断方向，请人工核对', en: 'no `better` tells which way: check by hand' },
  'diff/binding': { zh: '（约束性）', en: ' (binding)' },
  'diff/none': { zh: '无', en: 'none' },
  'diff/removed': { zh: '已删除', en: 'removed' },
  'diff/baseline': { zh: '{value}（{date}）', en: '{value} ({date})' },
  'diff/target-removed': { zh: '指标 {target}（{name}）已删除', en: 'target {target} ({name}) is gone' },
  'diff/target-added': { zh: '新增指标 {target}（{name}）：{wording}', en: 'new target {target} ({name}): {wording}' },
  'diff/target-renamed': { zh: '指标 {from} 改编号为 {to}，内容未变', en: 'target {from} is now {to}, otherwise unchanged' },
  'diff/action-renamed': { zh: '行动 {from} 改编号为 {to}，内容未变', en: 'action {from} is now {to}, otherwise unchanged' },
  'diff/action-removed': {
    zh: (d) => `行动 ${d.action}（${d.title}）已删除${Number(d.targets) > 0 ? `，连同其 ${d.targets} 个指标` : ''}`,
    en: (d) => `action ${d.action} (${d.title}) is gone${Number(d.targets) > 0 ? `, with ${plural(d.targets, 'target')}` : ''}`,
  },
  'diff/action-added': {
    zh: (d) => `新增行动 ${d.action}（${d.title}）${Number(d.targets) > 0 ? `，含 ${d.targets} 个指标` : ''}`,
    en: (d) => `new action ${d.action} (${d.title})${Number(d.targets) > 0 ? ` with ${plural(d.targets, 'target')}` : ''}`,
  },
  'diff/measure-removed': { zh: '行动 {action} 的举措已删除：“{text}”', en: 'a measure of {action} is gone: “{text}”' },
  'diff/measure-added': { zh: '行动 {action} 新增举措：“{text}”', en: 'new measure of {action}: “{text}”' },
  'diff/task-uncovered': { zh: '{city} 不再承接省级任务 {task}（{title}）', en: '{city} no longer covers province task {task} ({title})' },
  'diff/subject/action': { zh: '行动 {action}', en: 'action {action}' },
  'diff/subject/target': { zh: '指标 {target}', en: 'target {target}' },
  'diff/subject/measure': { zh: '行动 {action} 的举措“{text}”', en: 'the measure “{text}” of {action}' },
  'diff/deadline-postponed': { zh: '{subject} 期限推迟：{before} → {after}', en: '{subject} is due later: {before} → {after}' },
  'diff/deadline-advanced': { zh: '{subject} 期限提前：{before} → {after}', en: '{subject} is due earlier: {before} → {after}' },
  'diff/lead-changed/action': { zh: '行动 {action} 改由其他单位牵头：{before} → {after}', en: 'another owner leads action {action}: {before} → {after}' },
  'diff/lead-changed/measure': { zh: '{subject} 改由其他单位牵头：{before} → {after}', en: 'another owner leads {subject}: {before} → {after}' },
  'diff/support-changed': { zh: '{subject} 的配合单位改变：{changes}', en: 'the support of {subject} changed: {changes}' },
  'diff/baseline-changed': { zh: '指标 {target} 的基数改变：{before} → {after}', en: 'the baseline of target {target} moved: {before} → {after}' },
  'diff/progress-revised': { zh: '指标 {target} 在 {date} 已报送的进展被修改：{before} → {after}', en: 'progress of {target} already reported for {date} was revised: {before} → {after}' },
  'diff/progress-revised/unit': {
    zh: '指标 {target} 在 {date} 已报送的{unit}进展被修改：{before} → {after}',
    en: 'progress of {target} for {unit} already reported for {date} was revised: {before} → {after}',
  },
  'diff/owner': { zh: '{id}（{name}）', en: '{id} ({name})' },
  'diff/unit': { zh: '{name}（{unit}）', en: '{name} ({unit})' },

  'diff/severity/error': { zh: '错误', en: 'error' },
  'diff/severity/warning': { zh: '警告', en: 'warning' },
  'diff/severity/info': { zh: '提示', en: 'info' },
  'diff/title': { zh: 'plans diff：{old} → {new}', en: 'plans diff: {old} → {new}' },
  'diff/counts': {
    zh: '{error} 个错误，{warning} 个警告，{info} 条提示',
    en: (d) => `${plural(d.error, 'error')}, ${plural(d.warning, 'warning')}, ${d.info} info`,
  },
  'diff/no-changes': { zh: '没有需要审阅的变更。', en: 'No change for a reviewer.' },
  'diff/repository': { zh: '整个仓库', en: 'the repository' },
  'diff/was-at': { zh: '（原位于 {place}）', en: ' (was at {place})' },
  'diff/col/severity': { zh: '级别', en: 'Level' },
  'diff/col/kind': { zh: '类型', en: 'Kind' },
  'diff/col/city': { zh: '城市', en: 'City' },
  'diff/col/where': { zh: '位置', en: 'Where' },
  'diff/col/change': { zh: '变更', en: 'Change' },
  'diff/info-summary': { zh: '{count} 条提示（新增、加强、提前等）', en: (d) => `${d.count} info change${d.count === 1 ? '' : 's'} (added, strengthened, advanced…)` },
  'diff/more': {
    zh: '……另有 {count} 项未列出（完整列表见 plans diff --format text 或 json）',
    en: (d) => `… and ${d.count} more (the whole list: plans diff --format text or json)`,
  },
  'diff/in-old': { zh: '（旧版）', en: ' (old)' },

  'diff/errors-note': {
    zh: 'plans: {side}（{label}）中有 {count} 个错误（运行 plans lint 查看）；比较基于可读取的内容',
    en: (d) => `plans: ${d.side === 'OLD' ? 'OLD' : 'NEW'} (${d.label}) has ${plural(d.count, 'error')} (run plans lint to see ${d.count === 1 ? 'it' : 'them'}); compared what could be read`,
  },
  'diff/bad-fail-on': { zh: '`--fail-on` 须为 error 或 warning，而不是 `{value}`', en: '`--fail-on` takes error or warning, not `{value}`' },
  'diff/no-files': { zh: '{side} 中没有方案文件：{label}', en: 'no plan file in {side}: {label}' },
  'diff/not-git': { zh: '无法读取 {label}：当前文件夹不在 git 仓库中（{reason}）', en: 'cannot read {label}: the current folder is not in a git repository ({reason})' },
  'diff/bad-rev': { zh: '无法读取 {label}：git 中没有修订 `{rev}`', en: 'cannot read {label}: git knows no revision `{rev}`' },
  'diff/git-failed': { zh: '无法读取 {label}：git 失败（{reason}）', en: 'cannot read {label}: git failed ({reason})' },
  'diff/not-folder': { zh: '无法读取 {label}：不是文件夹', en: 'cannot read {label}: not a folder' },

  'help/diff': {
    zh: '两个版本之间审阅者应关注的变更：指标降低、期限推迟、行动删除、任务不再承接',
    en: 'what changed between two versions, as a reviewer judges it: targets weakened, deadlines postponed, actions dropped',
  },
  'help/diff-old': {
    zh: '旧版本：文件夹，或 git:REV（当前文件夹在修订 REV 时的内容，从其所在的 git 仓库读取；git:REV:PATH 为该修订中的 PATH 文件夹）',
    en: 'the old version: a folder, or git:REV (the current folder as it was at REV, read from its git repository; git:REV:PATH the folder PATH of REV)',
  },
  'help/diff-new': { zh: '新版本（默认 .）：文件夹或 git:REV', en: 'the new version (default .): a folder or git:REV' },
  'help/diff-out': { zh: '将报告写入文件', en: 'write the report to a file' },
  'help/diff-fail-on': { zh: '有该级别（error 或 warning）或更严重的变更时以状态 1 退出', en: 'exit 1 when a change of this level (error or warning) or worse is found' },
} satisfies Catalog;
