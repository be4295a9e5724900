/**
 * GitHub Actions workflow commands: errors and warnings (and info as notices) on NEW's lines, so
 * they show on the pull request's diff. What is gone has no line in NEW: its annotation names no
 * file, and its message says where it was.
 */
import { tr } from '../../i18n/index.js';
import { escapeData, escapeProperty } from '../lint/github.js';
import type { DiffFormatter } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const github: DiffFormatter = (report, { lang }) =>
  report.changes
    .map((c) => {
      const p = c.place;
      const title = `title=${escapeProperty(c.kind)}`;
      if (c.side === 'old') {
        const was = tr(lang, 'diff/was-at', { place: `${p.file}:${p.line}` });
        return `::${COMMAND[c.severity]} ${title}::${escapeData(c.message[lang] + was)}\n`;
      }
      const props = [`file=${escapeProperty(p.file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, title].join(',');
      return `::${COMMAND[c.severity]} ${props}::${escapeData(c.message[lang])}\n`;
    })
    .join('');
