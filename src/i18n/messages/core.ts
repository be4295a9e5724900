import type { Catalog, MessageData } from '../index.js';

const list = (d: MessageData, lang: 'zh' | 'en') => {
  const v = d.expected as { zh: string; en: string }[];
  return v.map((x) => x[lang]).join(lang === 'zh' ? '或' : ' or ');
};
const got = (d: MessageData, lang: 'zh' | 'en') => (d.got as { zh: string; en: string })[lang];
/** The place a message names: a Localized phrase (schema/where.ts), or plain text. */
const name = (d: MessageData, lang: 'zh' | 'en') => (typeof d.name === 'object' && d.name !== null ? (d.name as { zh: string; en: string })[lang] : String(d.name));
/** A place phrase before Chinese words: a space after it when it ends in an id or a key (`HZ-03 缺少`), none after Chinese (`文档缺少`). */
const zhName = (v: unknown) => {
  const text = typeof v === 'object' && v !== null ? (v as { zh: string }).zh : String(v);
  return /[\u3000-\u9fff\uff00-\uffef]$/.test(text) ? text : `${text} `;
};
/** A Chinese template that starts with a place (`{name}` or `{where}`), spaced as zhName says. */
const zhn = (template: string) => (d: MessageData) =>
  template.replace(/\{(\w+)\}/g, (whole, k: string) => (k === 'name' || k === 'where' ? zhName(d[k]) : Object.prototype.hasOwnProperty.call(d, k) ? zhValue(d[k]) : whole));
const zhValue = (v: unknown): string => (Array.isArray(v) ? v.map(zhValue).join('、') : typeof v === 'object' && v !== null && 'zh' in v ? String((v as { zh: string }).zh) : String(v));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Messages of loading, parsing and schema checks, and names used inside them. */
export const coreMessages = {
  // a text translated already (a library's own messages in both languages)
  'text/pair': { zh: (d) => String(d.zh), en: (d) => String(d.en) },
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
    zh: '无法按 UTF-8、GB18030、Big5 或 Shift-JIS 解码（第 {byte} 字节起）；请以 UTF-8 编码保存',
    en: 'cannot be decoded as UTF-8, GB18030, Big5 or Shift-JIS (from byte {byte}); save the file as UTF-8',
  },
  'load/mixed': {
    zh: '文件混用了两种编码：部分行是 UTF-8，第 {byte} 字节起的内容不是；请统一另存为 UTF-8',
    en: 'the file mixes encodings: some lines are UTF-8, but the bytes from byte {byte} are not; save it all as UTF-8',
  },
  'load/inner-bom': {
    zh: '文件中间有字节顺序标记（BOM），多半是两个文件拼接所致；已跳过，请删除',
    en: 'a byte order mark (BOM) inside the file, probably where two files were pasted together; skipped, delete it',
  },
  'load/utf-32': { zh: '文件为 UTF-32 编码，不支持；请另存为 UTF-8', en: 'the file is UTF-32, which is not supported; save it as UTF-8' },
  'load/not-a-file': { zh: '这是{what}，不是普通文件，未读取', en: 'this is {what}, not a regular file; not read' },
  'load/what-folder': { zh: '文件夹', en: 'a folder' },
  'load/what-fifo': { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' },
  'load/what-special': { zh: '设备或套接字', en: 'a device or socket' },
  'load/link-outside': {
    zh: '符号链接指向所检查的文件夹之外（{target}），未跟随',
    en: 'symbolic link to a place outside the folders being checked ({target}); not followed',
  },
  'load/link-broken': { zh: '符号链接无法解析（{code}：目标不存在或链接成环），未读取', en: 'symbolic link cannot be resolved ({code}: a missing target or a loop); not read' },
  'schema/number-range': {
    zh: '数值 {written} 超出可计算的范围（约 ±1.8e308，最小约 5e-324），读出的值与所写不同；请改写该数值',
    en: 'the number {written} is beyond what can be computed with (about ±1.8e308, smallest about 5e-324), so it does not read as written; write it otherwise',
  },
  'load/noncharacter': {
    zh: '文本含非字符 {code}：它不是可显示的文字，XML（xlsx、docx、html）也无法容纳；请删除',
    en: 'the text holds the noncharacter {code}: it is not text to show, and XML outputs (xlsx, docx, html) cannot carry it; remove it',
  },
  'load/not-utf8-doubtful': {
    zh: '文件不是 UTF-8 编码，可能是 {possible} 之一；已按 {encoding} 读取，但无法确定，文字可能是乱码；请另存为 UTF-8',
    en: 'the file is not UTF-8 and could be any of {possible}; it was read as {encoding}, which is a guess, so its text may be garbled; save it as UTF-8',
  },
  'load/not-utf8': {
    zh: '文件编码为 {encoding}，已按其读取；请另存为 UTF-8',
    en: 'the file is encoded as {encoding} and was read as such; save it as UTF-8',
  },

  // YAML syntax, by the yaml package's error codes (every ErrorCode of yaml 2; test/robustness checks each)
  'yaml/DUPLICATE_KEY': { zh: '键重复：同一映射中的键必须唯一', en: 'duplicate key: keys in one mapping must be unique' },
  'yaml/TAB_AS_INDENT': { zh: '缩进中使用了制表符（Tab）；YAML 只能用空格缩进', en: 'a tab is used for indentation; YAML indents with spaces only' },
  'yaml/duplicate-key': {
    zh: '键 `{key}` 重复：同一映射中第 {line} 行已写过；请删去其中一个',
    en: 'the key `{key}` is written twice: it is already used at line {line} of the same mapping; delete one',
  },
  'yaml/indent-over': {
    zh: '键 `{key}` 缩进了 {got} 个空格，比上方同级的键（{expected} 个）多；同一映射的键须对齐',
    en: 'the key `{key}` is indented {got} spaces, more than the key above it ({expected}); keys of one mapping line up',
  },
  'yaml/indent-between': {
    zh: '键 `{key}` 缩进了 {got} 个空格，介于两级之间（{outer} 和 {inner}）；请与其中一级对齐',
    en: 'the key `{key}` is indented {got} spaces, between two levels ({outer} and {inner}); line it up with one of them',
  },
  // a Chinese keyboard's punctuation in YAML syntax (load/keyboard.ts)
  'yaml/fullwidth-colon': {
    zh: (d) => `${d.key ? `\`${d.key}\` 后的` : ''}冒号是全角的“：”；YAML 须写半角冒号“:”，后跟空格（key: value）`,
    en: (d) => `the colon${d.key ? ` after \`${d.key}\`` : ''} is the full-width “：”; YAML needs the ASCII colon “:” and a space (key: value)`,
  },
  'yaml/fullwidth-comma': {
    zh: (d) => `列表中的“${d.char}”是全角${d.char === '、' ? '顿号' : '逗号'}，YAML 不把它当作分隔符（前后两项会读成一个值）；请写半角逗号“,”`,
    en: (d) => `the “${d.char}” in this list is a full-width ${d.char === '、' ? 'enumeration comma' : 'comma'}, which YAML does not read as a separator (the items on both sides become one value); write the ASCII comma “,”`,
  },
  'yaml/fullwidth-indent': {
    zh: '缩进中有 {count} 个全角空格“　”；YAML 只能用半角空格缩进（每个全角空格写成两个半角空格）',
    en: 'the indentation holds {count} full-width space(s) “　”; YAML indents with ASCII spaces only (write two for each)',
  },
  'yaml/fullwidth-space': {
    zh: '“{after}”后是全角空格“　”；YAML 须写半角空格“ ”',
    en: 'a full-width space “　” after “{after}”; YAML needs an ASCII space “ ”',
  },
  'yaml/fullwidth-bracket': {
    zh: '“{char}”是全角括号，YAML 不把它当作列表或映射；请写半角的 {ascii}',
    en: '“{char}” is a full-width bracket, which YAML does not read as a list or mapping; write the ASCII {ascii}',
  },
  'yaml/chinese-quotes': {
    zh: '中文引号 {char}{close} 不是 YAML 的引号，会成为值的一部分；要给值加引号，请写半角引号 "…"',
    en: 'the Chinese quotes {char}{close} are not YAML quotes and become part of the value; to quote a value, write ASCII quotes "…"',
  },
  'yaml/BAD_INDENT': {
    zh: (d) => (/sequence items/.test(String(d.detail)) ? '缩进不一致：同一列表的各项（- ）必须对齐' : /Flow (sequence|mapping) in block/.test(String(d.detail)) ? '缩进不足：方括号或花括号须比所在的键缩进更多，并且要闭合' : '缩进不一致：同级的键必须对齐'),
    en: (d) => (/sequence items/.test(String(d.detail)) ? 'bad indentation: the items (- ) of one list must line up' : /Flow (sequence|mapping) in block/.test(String(d.detail)) ? 'bad indentation: a [ ] or { } must be indented more than its key, and closed' : 'bad indentation: keys at one level must line up'),
  },
  'yaml/MISSING_CHAR': {
    zh: (d) => missingZh(String(d.detail)),
    en: (d) => missingEn(String(d.detail)),
  },
  'yaml/BAD_SCALAR_START': { zh: '值不能以该字符开头，请给值加引号', en: 'a plain value cannot start with this character; put the value in quotes' },
  'yaml/BLOCK_AS_IMPLICIT_KEY': { zh: '键的写法有误（可能缺少冒号或缩进有误）', en: 'a block cannot be a key (a missing colon or wrong indentation?)' },
  'yaml/MULTILINE_IMPLICIT_KEY': { zh: '键不能跨行（可能缺少冒号，或值应加引号）', en: 'a key cannot span lines (a missing colon, or a value that needs quotes?)' },
  'yaml/BLOCK_IN_FLOW': { zh: '方括号或花括号内不能使用块结构', en: 'a block collection cannot stand inside [ ] or { }' },
  'yaml/UNEXPECTED_TOKEN': {
    zh: (d) => `此处出现了意外的内容${tokenZh(String(d.detail))}`,
    en: 'unexpected content here: {detail}',
  },
  'yaml/BAD_ALIAS': {
    zh: (d) => (/^Anchor/.test(String(d.detail)) ? '锚点（&name）写法有误：名称不能为空，也不能以冒号结尾' : '别名（*name）写法有误：名称不能为空，也不能以冒号结尾'),
    en: (d) => (/^Anchor/.test(String(d.detail)) ? 'bad anchor (&name): the name must not be empty or end in a colon' : 'bad alias (*name): the name must not be empty or end in a colon'),
  },
  'yaml/ALIAS_PROPS': { zh: '别名不能带锚点或标签', en: 'an alias cannot have an anchor or a tag' },
  'yaml/BAD_DIRECTIVE': { zh: '无效的指令（% 开头的行）', en: 'invalid directive (a line starting with %)' },
  'yaml/BAD_DQ_ESCAPE': { zh: '双引号字符串中的转义无效；要写反斜杠本身请用 \\\\ 或改用单引号', en: 'invalid escape in a double-quoted string; write \\\\ for a backslash, or use single quotes' },
  'yaml/BAD_COLLECTION_TYPE': { zh: '集合类型与标签不符（如 !!set 用于列表）', en: 'the collection does not fit its tag (such as !!set on a list)' },
  'yaml/BAD_PROP_ORDER': { zh: '锚点（&）和标签（!）须写在 ? 或 - 之后', en: 'anchors (&) and tags (!) must come after the ? or - indicator' },
  'yaml/COMMENT_SPACE': { zh: '注释符 # 前须有空格', en: 'a comment needs a space before #' },
  'yaml/IMPOSSIBLE': { zh: '无法解析此处内容（YAML 解析器的内部状态异常）', en: 'cannot parse this (the YAML parser lost its place)' },
  'yaml/KEY_OVER_1024_CHARS': { zh: '隐式键超过 1024 个字符', en: 'an implicit key is longer than 1024 characters' },
  'yaml/MULTIPLE_ANCHORS': { zh: '一个节点只能有一个锚点', en: 'a node can have only one anchor' },
  'yaml/MULTIPLE_DOCS': { zh: '此处只允许一个文档', en: 'only one document is allowed here' },
  'yaml/MULTIPLE_TAGS': { zh: '一个节点只能有一个标签', en: 'a node can have only one tag' },
  'yaml/NON_STRING_KEY': { zh: '键必须是文字', en: 'keys must be strings' },
  'yaml/RESOURCE_EXHAUSTION': { zh: '嵌套过深，YAML 解析器无法处理', en: 'nested too deep for the YAML parser' },
  'yaml/TAG_RESOLVE_FAILED': {
    zh: (d) => {
      const m = /Unresolved tag: (.*)$/.exec(String(d.detail));
      return m ? `标签 ${m[1]} 无法用于此值（未知的标签，或值与标签不符），该值按普通文字读取` : `无法按标签解析该值：${d.detail}`;
    },
    en: (d) => {
      const m = /Unresolved tag: (.*)$/.exec(String(d.detail));
      return m ? `the tag ${m[1]} cannot be applied (an unknown tag, or a value that does not fit it); the value is read as plain text` : `the value does not fit its tag: ${d.detail}`;
    },
  },
  'yaml/BAD_STRING': { zh: '字符串写法有误：{detail}', en: 'bad string: {detail}' },
  'yaml/other': { zh: 'YAML 语法错误：{detail}', en: 'YAML syntax error: {detail}' },
  'yaml/alias-count': {
    zh: '别名展开次数超过上限（{max}），可能是“别名炸弹”；请减少别名的使用',
    en: 'aliases expand more than the limit ({max}): an alias bomb? Use fewer aliases',
  },
  'yaml/unresolved-alias': {
    zh: '别名 *{name} 没有对应的锚点 &{name}（锚点须写在别名之前）',
    en: 'the alias *{name} has no anchor &{name} before it',
  },
  'yaml/alias-cycle': {
    zh: '别名指向包含它自身的集合，形成循环；未检查',
    en: 'an alias refers to a collection that contains it, making a loop; not checked',
  },
  'yaml/alias-expansion': {
    zh: '展开别名后的值超过所写内容的 {factor} 倍（同一锚点被引用太多次），未检查；请直接写出内容或减少别名',
    en: 'aliases make this document more than {factor} times what it writes (an anchor used too often); not checked: write the content out or use fewer aliases',
  },
  'yaml/too-deep-aliases': { zh: '展开别名后嵌套超过 {max} 层，未检查', en: 'nested deeper than {max} levels once aliases are expanded; not checked' },
  'yaml/duplicate-yaml-directive': { zh: '同一文档前只能有一条 %YAML 指令', en: 'only one %YAML directive may stand before a document' },
  'yaml/directive-without-document': { zh: '指令（% 开头的行）之后没有文档', en: 'a directive (a line starting with %) with no document after it' },
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
  'schema/required': { zh: zhn('{where}缺少必填的键 `{key}`'), en: '{where} has no `{key}`' },
  'schema/type': {
    zh: (d) => `${zhName(d.name)}应为${list(d, 'zh')}，而不是${got(d, 'zh')}`,
    en: (d) => `${name(d, 'en')} must be ${list(d, 'en')}, not ${got(d, 'en')}`,
  },
  'schema/list-for-one': { zh: zhn('{name}只能写一个值，不能是列表'), en: '{name} takes one value, not a list' },
  'schema/list-for-lead': {
    zh: zhn('{name}只能写一个牵头单位，不能是列表；其他单位请写在 support 中'),
    en: '{name} takes one lead, not a list; put the other owners under support',
  },
  'schema/enum': { zh: zhn('{name}的值 {value} 无效；可选：{allowed}'), en: '{name} cannot be {value}; use one of {allowed}' },
  'schema/enum-op-null': {
    zh: zhn('{name}为空：YAML 中单独的 ~ 表示空值，请加引号写作 "~"；可选：{allowed}'),
    en: '{name} is empty: a bare ~ is null in YAML, write "~" in quotes; use one of {allowed}',
  },
  'schema/pattern-id': {
    zh: zhn('{name}的值 `{value}` 不是有效的标识：须以字母或数字开头，只含字母、数字和 . _ -'),
    en: '{name} value `{value}` is not a valid id: start with a letter or digit, then letters, digits, `.`, `_` or `-`',
  },
  'schema/pattern-key': {
    zh: zhn('{name}中的键 `{value}` 不是有效的标识：须以字母或数字开头，只含字母、数字和 . _ -'),
    en: '{name}: the key `{value}` is not a valid id: start with a letter or digit, then letters, digits, `.`, `_` or `-`',
  },
  'schema/pattern-change': {
    zh: zhn('{name}的值 `{value}` 不是有效的变化量：写带正负号的数，相对变化加 %（如 +20%、-13.5%、+1）'),
    en: '{name} value `{value}` is not a change: write a signed number, with % for a relative change (+20%, -13.5%, +1)',
  },
  'schema/format-date': {
    zh: zhn('{name}的值 `{value}` 不是有效日期：请写作 YYYY-MM-DD（如 2022-06-30）'),
    en: '{name} value `{value}` is not a date: write YYYY-MM-DD (e.g. 2022-06-30)',
  },
  'schema/min-items': { zh: zhn('{name}至少要列出 {limit} 项'), en: '{name} must list at least {limit} item(s)' },
  'schema/min-length': { zh: zhn('{name}不能为空'), en: '{name} must not be empty' },
  'schema/unique-items': { zh: zhn('{name}中 {value} 重复出现'), en: '{name} lists {value} twice' },
  'schema/minimum': { zh: zhn('{name}不能小于 {limit}'), en: '{name} must be at least {limit}' },
  'schema/target-form': {
    zh: zhn('{name}须为以下形式之一：{op, value}（水平）、{min, max}（区间）、{change}（变化）、{annual_change}（年均变化）、{op, than}（相对）、{text}（定性）'),
    en: '{name} must take one of the forms {op, value} (level), {min, max} (range), {change}, {annual_change}, {op, than} (relative) or {text} (qualitative)',
  },
  'schema/measure-form': {
    zh: zhn('{name}应为一段文字，或 {text, lead, support, due}'),
    en: '{name} must be a string, or {text, lead, support, due}',
  },
  'schema/value-or-units': {
    zh: zhn('{name}须给出 value，或（per: unit 目标）units，二者取一'),
    en: '{name} must give either value or (for a per: unit target) units, exactly one of them',
  },
  'schema/not-finite': {
    zh: zhn('{name}的值 {value} 不是有限的数（.nan 或 .inf），请写实际数值'),
    en: '{name} is {value}, not a finite number (.nan or .inf): write the actual figure',
  },
  'schema/one-of': { zh: zhn('{name}不符合任何一种允许的形式'), en: '{name} matches none of the allowed forms' },
  // numbers and dates as a drafter writes them
  'schema/percent-number': {
    zh: zhn('{name}应为数字，不能写成 {value}：请写 {number}，并把 % 写在 unit 中（unit: "%"）'),
    en: '{name} must be a number, not {value}: write {number} and put % in unit (unit: "%")',
  },
  'schema/wan-number': {
    zh: zhn('{name}应为数字，不能写成 {value}：请写 {number}（把“{unit}”写成数字）'),
    en: '{name} must be a number, not {value}: write {number} (the {unit} written out in digits)',
  },
  'schema/fullwidth-digits': {
    zh: zhn('{name}的值 {value} 用了全角数字；请写半角数字 {number}'),
    en: '{name} is {value}, in full-width digits; write the ASCII digits {number}',
  },
  'schema/grouped-number': {
    zh: zhn('{name}应为数字，不能写成带分隔符的 {value}：请写 {number}'),
    en: '{name} must be a number, not {value} with separators: write {number}',
  },
  'schema/date-form': {
    zh: zhn('{name}写作 {value}，不是 YYYY-MM-DD 格式的日期：请写作 {date}'),
    en: '{name} is {value}, not a date written YYYY-MM-DD: write {date}',
  },
  'schema/date-month': {
    zh: zhn('{name}为 {value}，这个日期不存在：没有 {month} 月'),
    en: '{name} is {value}, a date that does not exist: there is no month {month}',
  },
  'schema/date-day': {
    zh: zhn('{name}为 {value}，这个日期不存在：{year} 年 {month} 月只有 {days} 天'),
    en: (d) => `${name(d, 'en')} is ${d.value}, a date that does not exist: ${MONTHS[Number(d.month) - 1]} ${d.year} has ${d.days} days`,
  },

  // places in a document, in the drafter's terms (schema/where.ts)
  'where/item-id': { zh: '{sort} {id}', en: '{sort} {id}' },
  'where/item-of': { zh: (d) => `${zhName(d.parent)}第 ${d.n} 项${zhValue(d.sort)}`, en: '{sort} {n} of {parent}' },
  'where/item-n': { zh: '第 {n} 项{sort}', en: '{sort} {n}' },
  'where/value-of': { zh: '目标 {target} 的进展', en: 'the progress of target {target}' },
  'where/key': { zh: '{key}', en: '{key}' },
  'where/key-item': { zh: '{key} 第 {n} 项', en: 'item {n} of {key}' },
  'where/of': { zh: (d) => `${zhName(d.item)}的 ${zhValue(d.key)}`, en: '{key} of {item}' },
  'where/document': { zh: '文档', en: 'the document' },
} satisfies Catalog;

/** Chinese for the details the yaml package gives with MISSING_CHAR. */
function missingZh(detail: string): string {
  if (/Implicit map keys need to be followed by map values/.test(detail)) return '键后面须跟冒号和值（key: value）';
  if (/Missing closing "quote/.test(detail)) return '缺少结尾的双引号 "';
  if (/Missing closing 'quote/.test(detail)) return "缺少结尾的单引号 '";
  if (/Flow sequence must end with a \]/.test(detail) || /must end with a \]/.test(detail)) return '方括号 [ 没有闭合，缺少 ]';
  if (/must end with a \}/.test(detail)) return '花括号 { 没有闭合，缺少 }';
  if (/Missing , or : between/.test(detail)) return '各项之间缺少逗号或冒号';
  if (/Missing , between/.test(detail)) return '各项之间缺少逗号';
  if (/Missing space after :/.test(detail)) return '冒号后须有空格';
  if (/Comments must be separated/.test(detail)) return '注释符 # 前须有空格';
  if (/Tags and anchors must be separated/.test(detail)) return '标签和锚点后须有空格';
  if (/Sequence item without - indicator/.test(detail)) return '列表项缺少 - ';
  if (/Missing newline after block sequence props/.test(detail)) return '锚点或标签之后、列表之前须换行';
  if (/directives-end/.test(detail)) return '缺少文档开始标记 ---';
  return `缺少字符：${detail}`;
}

function missingEn(detail: string): string {
  if (/Implicit map keys need to be followed by map values/.test(detail)) return 'a key must be followed by a colon and a value (key: value)';
  return `missing character: ${detail}`;
}

/** Chinese for the details the yaml package gives with UNEXPECTED_TOKEN. */
function tokenZh(detail: string): string {
  const names: Record<string, string> = { 'flow-seq-end': ']', 'flow-map-end': '}', 'flow-error-end': '括号结尾', comma: '逗号', 'map-value-ind': '冒号', 'seq-item-ind': '-', scalar: '值' };
  const token = /Unexpected ([\w-]+) token/.exec(detail)?.[1];
  if (token) return `：多余的 ${names[token] ?? token}`;
  if (/Block scalar header includes extra characters/.test(detail)) return '：| 或 > 之后只能写缩进和 +、- 标记';
  if (/at node end/.test(detail)) return '：节点结束后还有内容';
  if (/Unexpected , in/.test(detail)) return '：多余的逗号';
  if (/Unexpected empty item/.test(detail)) return '：空的列表项';
  return `：${detail}`;
}
