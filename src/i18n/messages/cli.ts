import type { Catalog } from '../index.js';

const plural = (n: unknown, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Messages of the command line: usage problems, summaries, help. */
export const cliMessages = {
  'cli/path-missing': { zh: '路径不存在或无法访问：{path}（{code}）', en: 'no such file or folder: {path} ({code})' },
  'cli/bad-format': { zh: '不支持的格式 `{format}`；可选：{allowed}', en: 'unknown format `{format}`; use one of {allowed}' },
  'cli/bad-lang': { zh: '不支持的语言 `{lang}`；可选：zh、en', en: 'unknown language `{lang}`; use zh or en' },
  'cli/bad-date': { zh: '`{option}` 须为日期 YYYY-MM-DD，而不是 `{value}`', en: '`{option}` takes a date YYYY-MM-DD, not `{value}`' },
  'cli/bad-epoch': {
    zh: '环境变量 SOURCE_DATE_EPOCH 须为 1970 年以来的整秒数（不晚于 9999-12-31），而不是 `{value}`',
    en: 'SOURCE_DATE_EPOCH must be whole seconds since 1970 (up to 9999-12-31), not `{value}`',
  },
  'cli/no-cwd': {
    zh: '无法读取当前工作目录（{code}）：它可能已被删除；请进入一个存在的目录后重试',
    en: 'cannot read the current working folder ({code}): it may have been deleted; change to a folder that exists and try again',
  },
  'cli/file-refused': { zh: '{path}：{reason}', en: '{path}: {reason}' },
  'cli/bad-number': { zh: '`{option}` 须为非负整数，而不是 `{value}`', en: '`{option}` takes a whole number of 0 or more, not `{value}`' },
  'cli/bad-size': { zh: '`{option}` 须为字节数，可带单位 k、M、G（如 20M），而不是 `{value}`', en: '`{option}` takes a size in bytes, optionally with k, M or G (such as 20M), not `{value}`' },
  'cli/out-is-input': { zh: '拒绝写入 {path}：它是本次读取的输入文件', en: 'refusing to write {path}: it is one of the input files' },
  'cli/out-failed': { zh: '无法写入 {path}（{code}）', en: 'cannot write {path} ({code})' },
  'cli/out-is-dir': { zh: '拒绝写入 {path}：它是文件夹；--out 须指定文件', en: 'refusing to write {path}: it is a folder; --out takes a file' },
  'cli/stdout-failed': { zh: '无法写入标准输出（{code}）', en: 'cannot write to standard output ({code})' },
  'cli/needs-out': { zh: '格式 {format} 是二进制格式，须用 --out FILE 指定输出文件', en: 'the {format} format is binary: name a file with --out FILE' },
  'cli/internal': {
    zh: 'plans: 内部错误（{where}）：{message}。这是 plans 的缺陷，请附上引起它的文件报告；加 --debug 可显示详细信息。',
    en: 'plans: internal error in {where}: {message}. This is a defect of plans: please report it with the file that caused it; --debug shows the details.',
  },
  'lint/error': { zh: '错误', en: 'error' },
  'lint/warning': { zh: '警告', en: 'warning' },
  'lint/summary': {
    zh: '{total} 个问题（{errors} 个错误，{warnings} 个警告），共检查 {files} 个文件',
    en: (d) => `${plural(d.total, 'problem')} (${plural(d.errors, 'error')}, ${plural(d.warnings, 'warning')}) in ${plural(d.files, 'file')}`,
  },
  'lint/no-files': {
    zh: (d) => `在 ${d.paths} 下没有找到方案文件（*.yaml、*.yml）；请检查路径`,
    en: (d) => `no plan files (*.yaml, *.yml) found under ${d.paths}; check the path`,
  },
  'lint/alone': {
    zh: (d) => `plans: 注意：${d.files} 所在文件夹及其上级没有专项行动（kind: Campaign），未能进行跨文件检查（引用、覆盖、进度）`,
    en: (d) => `plans: note: no campaign (kind: Campaign) in or above the folder of ${d.files}, so the checks across files (references, coverage, progress) could not run`,
  },
  'lint/clean': { zh: '✔ 已检查 {files} 个文件，未发现问题', en: (d) => `✔ ${plural(d.files, 'file')} checked, no problems` },
  'lint/too-many-warnings': {
    zh: '警告数 {count} 超过了 --max-warnings {max}',
    en: '{count} warnings exceed --max-warnings {max}',
  },
  'cli/bad-city': { zh: '未知的城市 `{city}`；可选：{allowed}', en: 'unknown city `{city}`; use one of {allowed}' },
  'cli/bad-city-suggest': { zh: '未知的城市 `{city}`，是否应为 `{suggestion}`？', en: 'unknown city `{city}`; did you mean `{suggestion}`?' },
  'report/errors-note': {
    zh: 'plans: 仓库中有 {count} 个错误（运行 plans lint 查看）；报告基于可读取的内容',
    en: (d) => `plans: the repository has ${plural(d.count, 'error')} (run plans lint to see ${d.count === 1 ? 'it' : 'them'}); the report covers what could be read`,
  },
  // commander's own errors (src/cli/commander-errors.ts)
  'commander/unknown-option': { zh: '未知的选项 {option}', en: 'unknown option {option}' },
  'commander/unknown-command': { zh: '未知的命令 {command}；可用的命令见 plans --help', en: 'unknown command {command}; see plans --help for the commands' },
  'commander/missing-argument': { zh: '缺少参数 <{argument}>', en: 'missing the argument <{argument}>' },
  'commander/option-missing-value': { zh: '选项 {option} 缺少取值', en: 'the option {option} needs a value' },
  'commander/required-option': { zh: '缺少必需的选项 {option}', en: 'the option {option} is required' },
  'commander/too-many-arguments': {
    zh: (d) => `${d.command ? `命令 ${d.command} ` : ''}参数过多：应为 ${d.expected} 个，实际给了 ${d.got} 个`,
    en: (d) => `too many arguments${d.command ? ` for ${d.command}` : ''}: ${d.expected} expected, ${d.got} given`,
  },
  'commander/invalid-value': { zh: '选项 {option} 的取值 {value} 无效', en: 'the option {option} cannot take {value}' },
  'commander/conflict': { zh: '{option} 不能与 {other} 同时使用', en: '{option} cannot be used with {other}' },
  'commander/did-you-mean': { zh: '；是否应为 {suggestion}？', en: '; did you mean {suggestion}?' },
} satisfies Catalog;
