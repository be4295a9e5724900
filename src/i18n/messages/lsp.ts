/** `plans lsp`: its help, quick-fix titles and hover texts, in both languages. */
export const lspMessages = {
  'help/lsp': {
    zh: '语言服务器（LSP 3.17，标准输入输出）：编辑器中实时显示 plans lint 的全部问题，并提供跳转定义、悬停、编号补全和快速修复',
    en: 'language server (LSP 3.17 over stdio): every finding of plans lint in the editor while typing, with go to definition, hover, completion of ids and quick fixes',
  },
  'help/lsp-stdio': { zh: '通过标准输入输出通信（默认，编辑器会传入此选项）', en: 'talk over standard input and output (the default; editors pass it)' },
  'help/lsp-client-process': { zh: '编辑器进程号（编辑器传入，忽略）', en: "the editor's process id (passed by editors; ignored)" },

  'lsp/fix-all': { zh: '修正可自动修正的全部问题（{count} 处，同 plans lint --fix）', en: 'Fix all auto-fixable problems ({count}, as plans lint --fix)' },
  'lsp/fix': { zh: '修正：改为 {text}', en: 'Fix: write {text}' },
  'lsp/fix-delete': { zh: '修正：删除 {text}', en: 'Fix: delete {text}' },
  'lsp/did-you-mean': { zh: '改为 `{suggestion}`', en: 'Change to `{suggestion}`' },

  'lsp/hover/defined-at': { zh: '定义于 {place}', en: 'defined at {place}' },
  'lsp/hover/unknown': { zh: '{sort} `{id}` 未定义', en: '{sort} `{id}` is not defined' },
  'lsp/hover/city': { zh: '所属城市：{city}', en: 'city: {city}' },
  'lsp/hover/parent': { zh: '上级单位：{parent}', en: 'parent: {parent}' },
  'lsp/hover/duties': { zh: '牵头 {lead} 项，配合 {support} 项', en: 'leads {lead}, supports {support}' },
  'lsp/hover/aliases': { zh: '又称：{aliases}', en: 'also called: {aliases}' },
  'lsp/hover/action': { zh: '所属行动：{action}', en: 'action: {action}' },
  'lsp/hover/lead': { zh: '牵头单位：{lead}', en: 'lead: {lead}' },
  'lsp/hover/due': { zh: '完成时限：{due}', en: 'due: {due}' },
  'lsp/hover/wording': { zh: '目标：{wording}', en: 'target: {wording}' },
  'lsp/hover/baseline': { zh: '基线：{baseline}', en: 'baseline: {baseline}' },
  'lsp/hover/latest': { zh: '最新进展：{value}（{date}）', en: 'latest: {value} ({date})' },
  'lsp/hover/no-progress': { zh: '尚无进展报送', en: 'no progress reported yet' },
  'lsp/hover/status': { zh: '状态：{status}', en: 'status: {status}' },
  'lsp/hover/unit': { zh: '单位：{unit}', en: 'unit: {unit}' },
  'lsp/hover/required': { zh: '必填指标', en: 'required indicator' },
  'lsp/hover/parent-task': { zh: '上级任务：{task}', en: 'parent task: {task}' },
  'lsp/hover/period': { zh: '期限：{start} 至 {end}', en: 'period: {start} to {end}' },
  'lsp/hover/issuer': { zh: '印发单位：{issuer}', en: 'issued by: {issuer}' },
  'lsp/hover/plan': { zh: '实施方案：{title}', en: 'plan: {title}' },

  'lsp/baseline-unreadable': { zh: '无法读取基线文件 {path}（{code}）；显示全部问题', en: 'cannot read the baseline {path} ({code}); showing every finding' },
  'lsp/check-failed': { zh: '检查 {file} 时出错：{message}', en: 'checking {file} failed: {message}' },
} as const;
