import type { Catalog } from '../index.js';

/** Messages of `plans lint --fix`, `--fix-dry-run` and `--watch`. */
const plural = (n: unknown, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;

export const fixMessages = {
  'help/lint-fix': { zh: '自动修复不会改变原意的问题（全角标点、Tab 缩进、日期写法、拼错的键、以名称书写的责任单位），原子地改写文件，再报告剩余问题', en: 'fix what cannot change what was meant (full-width punctuation, tabs, dates, misspelt keys, owners by name), rewrite the files atomically, then report what is left' },
  'help/lint-fix-dry-run': { zh: '以统一 diff 格式显示 --fix 会做的修改，不写入任何文件', en: 'print the edits --fix would make as a unified diff, and write nothing' },
  'help/lint-watch': { zh: '路径下的文件有变动时重新检查并立即显示结果（Ctrl-C 结束）', en: 'lint again on every change below the paths and print the new result (Ctrl-C ends)' },
  'fix/summary': {
    zh: (d) => (d.fixes === 0 ? 'plans: 没有可自动修复的问题' : `plans: 已修复 ${d.fixes} 处，涉及 ${d.files} 个文件`),
    en: (d) => (d.fixes === 0 ? 'plans: nothing to fix' : `plans: ${plural(d.fixes, 'fix')} applied in ${plural(d.files, 'file')}`),
  },
  'fix/summary-dry-run': {
    zh: (d) => (d.fixes === 0 ? 'plans: 没有可自动修复的问题' : `plans: --fix 将修复 ${d.fixes} 处，涉及 ${d.files} 个文件（未写入）`),
    en: (d) => (d.fixes === 0 ? 'plans: nothing to fix' : `plans: --fix would apply ${plural(d.fixes, 'fix')} in ${plural(d.files, 'file')} (nothing written)`),
  },
  'fix/refused': {
    zh: (d) => `plans: 注意：${d.path} 未修复：${d.reason === 'changed' ? '检查期间文件在磁盘上被改动' : '修复后的内容无法以原编码逐字节写回'}`,
    en: (d) => `plans: note: ${d.path} not fixed: ${d.reason === 'changed' ? 'it changed on disk during the run' : 'the fixed text cannot be written back byte for byte in its encoding'}`,
  },
  'fix/changed-on-disk': {
    zh: 'plans: 注意：{path} 未写入：检查期间文件在磁盘上被改动；请重新运行 plans lint --fix',
    en: 'plans: note: {path} not written: it changed on disk during the run; run plans lint --fix again',
  },
  'watch/watching': {
    zh: (d) => `plans: 正在监视 ${d.paths} 的变动（Ctrl-C 结束）`,
    en: (d) => `plans: watching ${d.paths} for changes (Ctrl-C ends)`,
  },
  'watch/failed': { zh: 'plans: 无法监视 {path}（{code}）', en: 'plans: cannot watch {path} ({code})' },
  'watch/error': { zh: 'plans: 本次检查未能完成：{message}', en: 'plans: this lint could not run: {message}' },
} satisfies Catalog;
