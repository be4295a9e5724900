import type { Catalog } from '../index.js';

/** `plans --help` and each command's help, in the language of --lang or the environment. */
export const helpMessages = {
  'help/program': { zh: '专项行动方案与城市实施方案（YAML）的检查、差距报告与汇总表', en: 'Compile and validate campaign plans written as YAML: checks, gap reports, printable tables' },
  'help/debug': { zh: '内部错误时显示调用栈', en: 'show the stack trace of an internal error' },
  'help/version': { zh: '显示版本号', en: 'output the version number' },
  'help/help': { zh: '显示帮助', en: 'display help for command' },
  'help/help-command': { zh: '显示某个命令的帮助', en: 'display help for command' },
  'help/title/Usage:': { zh: '用法：', en: 'Usage:' },
  'help/title/Options:': { zh: '选项：', en: 'Options:' },
  'help/title/Commands:': { zh: '命令：', en: 'Commands:' },
  'help/title/Arguments:': { zh: '参数：', en: 'Arguments:' },
  'help/title/Global Options:': { zh: '全局选项：', en: 'Global Options:' },

  'help/lint': { zh: '检查方案文件：YAML 语法、JSON Schema 和跨文件规则', en: 'check plan files: YAML, schemas and cross-file rules' },
  'help/lint-paths': {
    zh: '要检查的文件或文件夹（默认 .）；单独指定的文件在其所在仓库的上下文中检查',
    en: 'files or folders to check (default .); named files are checked in the context of their repository',
  },
  'help/lint-format': { zh: '输出格式，可重复（各配一个 --out）：{formats}（默认 stylish）', en: 'output format, repeatable (each with its --out): {formats} (default stylish)' },
  'help/lint-out': { zh: '将对应 --format 的报告写入文件', en: 'write the report of the matching --format to a file' },
  'help/lint-quiet': { zh: '只报告错误', en: 'report errors only' },
  'help/lint-max-warnings': { zh: '警告数超过此值时以状态 1 退出', en: 'exit 1 when there are more warnings than this' },
  'help/lint-baseline': { zh: '只报告基线文件中没有的问题', en: 'report only findings that are not in this baseline' },
  'help/lint-write-baseline': { zh: '将当前的问题记录到基线文件', en: "record today's findings in a baseline file" },

  'help/lang-messages': { zh: '消息语言：zh 或 en', en: 'language of messages: zh or en' },
  'help/lang-report': { zh: '标题和消息的语言：zh 或 en', en: 'language of headings and messages: zh or en' },
  'help/lang-comments': { zh: '注释的语言：zh 或 en', en: 'language of the comments: zh or en' },
  'help/no-color': { zh: '不使用颜色', en: 'no colours' },
  'help/config': { zh: '配置文件（默认为当前或上级文件夹中的 plans.config.yaml）', en: 'the config file (default: plans.config.yaml here or in a parent folder)' },
  'help/max-file-size': { zh: '可读取的最大方案文件，如 20M（默认 10M）', en: 'largest plan file to read, e.g. 20M (default 10M)' },
  'help/repo-path': { zh: '方案仓库（默认 .）', en: 'the plans repository (default .)' },
  'help/report-format': { zh: '输出格式：{formats}', en: 'output format: {formats}' },
  'help/report-out': { zh: '将报告写入文件（二进制格式必须指定）', en: 'write the report to a file (needed for binary formats)' },
  'help/city': { zh: '只包括该城市（可重复）', en: 'only this city (repeatable)' },
  'help/as-of': { zh: '不计此日期（YYYY-MM-DD）之后报送的进展', en: 'ignore progress reported after this date (YYYY-MM-DD)' },

  'help/gaps': {
    zh: '各城市的差距报告：未承接的任务、无量化目标的行动、目标进度状态',
    en: 'the gap report of each city: tasks not covered, actions without target, target status',
  },
  'help/table': {
    zh: '汇总表：分工责任清单、指标表、任务覆盖表、责任单位表',
    en: 'a consolidated table over all cities: responsibilities, targets, coverage, owners',
  },
  'help/table-name': { zh: '{names} 或 all', en: '{names} or all' },
  'help/compile': { zh: '将整个仓库编译为一个 JSON 文档（引用已解析）', en: 'the whole repository as one JSON document, every reference resolved' },
  'help/compile-out': { zh: '将文档写入文件', en: 'write the document to a file' },
  'help/compile-allow-errors': { zh: '仓库有错误时仍然编译', en: 'compile a repository that has errors' },
  'help/init': { zh: '为专项行动中的城市生成实施方案草稿（省级任务列为注释）', en: "write a starter plan for a city of the campaign (the campaign's tasks listed as comments)" },
  'help/init-city': { zh: '专项行动中的城市标识（或名称）', en: 'city id (or name) from the campaign' },
  'help/init-out': {
    zh: '写入位置（默认为专项行动旁的 CITY/plan.yaml）；不会覆盖已有文件',
    en: 'where to write it (default CITY/plan.yaml beside the campaign); an existing file is never overwritten',
  },
  'help/explain': { zh: '显示规则说明：发现什么、为何重要、示例和改法', en: "print a rule's docs page: what it finds, why it matters, an example and the fix" },
  'help/explain-rule': { zh: '规则标识，即每条问题后显示的名称（如 unknown-reference）', en: 'rule id, as shown after each finding (e.g. unknown-reference)' },
  'help/schema': { zh: '输出供编辑器使用的 JSON Schema（适用于各类方案文件），或用 --path 输出其路径', en: 'print the JSON Schema for editors (any kind of plan file), or with --path where it is' },
  'help/schema-path': { zh: '输出 schema 文件的路径而不是内容', en: 'print the path of the schema file instead of its content' },
} satisfies Catalog;
