import type { Catalog, MessageData } from '../index.js';

const list = (d: MessageData, lang: 'zh' | 'en') => {
  const v = d.expected as { zh: string; en: string }[];
  return v.map((x) => x[lang]).join(lang === 'zh' ? '或' : ' or ');
};
const got = (d: MessageData, lang: 'zh' | 'en') => (d.got as { zh: string; en: string })[lang];

/** Messages of loading, parsing and schema checks, and names used inside them. */
export const coreMessages: Catalog = {
  'type/string': { zh: '文字', en: 'a string' },
  'type/number': { zh: '数字', en: 'a number' },
  'type/integer': { zh: '整数', en: 'an integer' },
  'type/boolean': { zh: 'true 或 false', en: 'true or false' },
  'type/array': { zh: '列表', en: 'a list' },
  'type/object': { zh: '键值映射', en: 'a mapping' },
  'type/null': { zh: '空值', en: 'empty (null)' },

  // reading files
  'load/unreadable': { zh: '无法读取该文件（{code}）', en: 'cannot read this file ({code})' },
  'load/unreadable-dir': { zh: '无法读取该文件夹（{code}）', en: 'cannot read this folder ({code})' },
  'load/too-large': {
    zh: '文件有 {size} 字节，超过上限 {max} 字节，未检查；请拆分文件，或用 --max-file-size 调高上限',
    en: 'the file has {size} bytes, over the limit of {max}, and was not checked; split it, or raise the limit with --max-file-size',
  },
  'load/binary': { zh: '这不是文本文件（第 {byte} 字节为 NUL）', en: 'this is not a text file (NUL byte at byte {byte})' },
  'load/undecodable': {
    zh: '无法按 UTF-8 或 GB18030 解码（第 {byte} 字节起）；请以 UTF-8 编码保存',
    en: 'cannot be decoded as UTF-8 or GB18030 (from byte {byte}); save the file as UTF-8',
  },
  'load/not-utf8': {
    zh: '文件编码为 {encoding}，已按其读取；请另存为 UTF-8',
    en: 'the file is encoded as {encoding} and was read as such; save it as UTF-8',
  },

  // YAML syntax, by the yaml package's error codes
  'yaml/DUPLICATE_KEY': { zh: '键重复：同一映射中的键必须唯一', en: 'duplicate key: keys in one mapping must be unique' },
  'yaml/TAB_AS_INDENT': { zh: '缩进中使用了制表符（Tab）；YAML 只能用空格缩进', en: 'a tab is used for indentation; YAML indents with spaces only' },
  'yaml/BAD_INDENT': { zh: '缩进不一致：同级的键必须对齐', en: 'bad indentation: keys at one level must line up' },
  'yaml/MISSING_CHAR': {
    zh: (d) => (/Implicit map keys need to be followed by map values/.test(String(d.detail)) ? '键后面须跟冒号和值（key: value）' : `缺少字符：${d.detail}`),
    en: 'missing character: {detail}',
  },
  'yaml/BAD_SCALAR_START': { zh: '值不能以该字符开头，请给值加引号', en: 'a plain value cannot start with this character; put the value in quotes' },
  'yaml/BLOCK_AS_IMPLICIT_KEY': { zh: '键的写法有误（可能缺少冒号或缩进有误）', en: 'a block cannot be a key (a missing colon or wrong indentation?)' },
  'yaml/MULTILINE_IMPLICIT_KEY': { zh: '键不能跨行（可能缺少冒号，或值应加引号）', en: 'a key cannot span lines (a missing colon, or a value that needs quotes?)' },
  'yaml/BLOCK_IN_FLOW': { zh: '方括号或花括号内不能使用块结构', en: 'a block collection cannot stand inside [ ] or { }' },
  'yaml/UNEXPECTED_TOKEN': { zh: '此处出现了意外的内容：{detail}', en: 'unexpected content here: {detail}' },
  'yaml/BAD_ALIAS': { zh: '别名（*name）写法有误', en: 'bad alias (*name)' },
  'yaml/ALIAS_PROPS': { zh: '别名不能带锚点或标签', en: 'an alias cannot have an anchor or a tag' },
  'yaml/BAD_DIRECTIVE': { zh: '无效的指令（% 开头的行）', en: 'invalid directive (a line starting with %)' },
  'yaml/BAD_DQ_ESCAPE': { zh: '双引号字符串中的转义无效', en: 'invalid escape in a double-quoted string' },
  'yaml/BAD_COLLECTION_TYPE': { zh: '集合类型与标签不符', en: 'the collection does not fit its tag' },
  'yaml/COMMENT_SPACE': { zh: '注释符 # 前须有空格', en: 'a comment needs a space before #' },
  'yaml/IMPOSSIBLE': { zh: '无法解析此处内容：{detail}', en: 'cannot parse this: {detail}' },
  'yaml/KEY_OVER_1024_CHARS': { zh: '隐式键超过 1024 个字符', en: 'an implicit key is longer than 1024 characters' },
  'yaml/MULTIPLE_ANCHORS': { zh: '一个节点只能有一个锚点', en: 'a node can have only one anchor' },
  'yaml/MULTIPLE_DOCS': { zh: '此处只允许一个文档', en: 'only one document is allowed here' },
  'yaml/MULTIPLE_TAGS': { zh: '一个节点只能有一个标签', en: 'a node can have only one tag' },
  'yaml/NON_STRING_KEY': { zh: '键必须是文字', en: 'keys must be strings' },
  'yaml/TAG_RESOLVE_FAILED': { zh: '无法按标签解析该值：{detail}', en: 'the value does not fit its tag: {detail}' },
  'yaml/BAD_STRING': { zh: '字符串写法有误：{detail}', en: 'bad string: {detail}' },
  'yaml/other': { zh: 'YAML 语法错误：{detail}', en: 'YAML syntax error: {detail}' },
  'yaml/alias-count': {
    zh: '别名展开次数超过上限（{max}），可能是“别名炸弹”；请减少别名的使用',
    en: 'aliases expand more than the limit ({max}): an alias bomb? Use fewer aliases',
  },
  'yaml/too-deep': { zh: '嵌套超过 {max} 层，未检查', en: 'nested deeper than {max} levels; not checked' },

  // kind
  'kind/missing': {
    zh: '缺少 `kind`：请写明文档类型 Campaign、Owners、Plan 或 Progress',
    en: 'no `kind`: say what the document is: Campaign, Owners, Plan or Progress',
  },
  'kind/not-mapping': {
    zh: '文档应为键值映射（以 kind: 开头），而不是{got}',
    en: 'a document must be a mapping (starting with kind:), not {got}',
  },
  'kind/unknown': {
    zh: (d) => `未知的类型 \`${d.kind}\`${d.suggestion ? `，是否应为 \`${d.suggestion}\`？` : '；可选：Campaign、Owners、Plan、Progress'}`,
    en: (d) => `unknown kind \`${d.kind}\`${d.suggestion ? `; did you mean \`${d.suggestion}\`?` : '; use Campaign, Owners, Plan or Progress'}`,
  },

  // schema
  'schema/unknown-key-suggest': {
    zh: '未知的键 `{key}`，是否应为 `{suggestion}`？',
    en: 'unknown key `{key}`; did you mean `{suggestion}`?',
  },
  'schema/unknown-key': {
    zh: '未知的键 `{key}`；此处可用的键：{allowed}',
    en: 'unknown key `{key}`; the keys allowed here: {allowed}',
  },
  'schema/required': { zh: '`{where}` 缺少必填的键 `{key}`', en: '`{where}` lacks the required key `{key}`' },
  'schema/type': {
    zh: (d) => `\`${d.name}\` 应为${list(d, 'zh')}，而不是${got(d, 'zh')}`,
    en: (d) => `\`${d.name}\` must be ${list(d, 'en')}, not ${got(d, 'en')}`,
  },
  'schema/list-for-one': { zh: '`{name}` 只能写一个值，不能是列表', en: '`{name}` takes one value, not a list' },
  'schema/list-for-lead': {
    zh: '`{name}` 只能写一个牵头单位，不能是列表；其他单位请写在 support 中',
    en: '`{name}` takes one lead, not a list; put the other owners under support',
  },
  'schema/enum': { zh: '`{name}` 的值 {value} 无效；可选：{allowed}', en: '`{name}` cannot be {value}; use one of {allowed}' },
  'schema/enum-op-null': {
    zh: '`{name}` 为空：YAML 中单独的 ~ 表示空值，请加引号写作 "~"；可选：{allowed}',
    en: '`{name}` is empty: a bare ~ is null in YAML, write "~" in quotes; use one of {allowed}',
  },
  'schema/pattern-id': {
    zh: '`{name}` 的值 `{value}` 不是有效的标识：须以字母或数字开头，只含字母、数字和 . _ -',
    en: '`{name}` value `{value}` is not a valid id: start with a letter or digit, then letters, digits, `.`, `_` or `-`',
  },
  'schema/pattern-change': {
    zh: '`{name}` 的值 `{value}` 不是有效的变化量：写带正负号的数，相对变化加 %（如 +20%、-13.5%、+1）',
    en: '`{name}` value `{value}` is not a change: write a signed number, with % for a relative change (+20%, -13.5%, +1)',
  },
  'schema/format-date': {
    zh: '`{name}` 的值 `{value}` 不是有效日期：请写作 YYYY-MM-DD（如 2022-06-30）',
    en: '`{name}` value `{value}` is not a date: write YYYY-MM-DD (e.g. 2022-06-30)',
  },
  'schema/min-items': { zh: '`{name}` 至少要列出 {limit} 项', en: '`{name}` must list at least {limit} item(s)' },
  'schema/min-length': { zh: '`{name}` 不能为空', en: '`{name}` must not be empty' },
  'schema/unique-items': { zh: '`{name}` 中 {value} 重复出现', en: '`{name}` lists {value} twice' },
  'schema/minimum': { zh: '`{name}` 不能小于 {limit}', en: '`{name}` must be at least {limit}' },
  'schema/target-form': {
    zh: '`{name}` 须为以下形式之一：{op, value}（水平）、{min, max}（区间）、{change}（变化）、{annual_change}（年均变化）、{op, than}（相对）、{text}（定性）',
    en: '`{name}` must take one of the forms {op, value} (level), {min, max} (range), {change}, {annual_change}, {op, than} (relative) or {text} (qualitative)',
  },
  'schema/measure-form': {
    zh: '`{name}` 应为一段文字，或 {text, lead, support, due}',
    en: '`{name}` must be a string, or {text, lead, support, due}',
  },
  'schema/value-or-units': {
    zh: '`{name}` 须给出 value，或（per: unit 目标）units，二者取一',
    en: '`{name}` must give either value or (for a per: unit target) units, exactly one of them',
  },
  'schema/one-of': { zh: '`{name}` 不符合任何一种允许的形式', en: '`{name}` matches none of the allowed forms' },
};
