/** The diff as one JSON document (cli.md, `plans diff`): sides, changes with their places, counts. */
import type { DiffFormatter } from './types.js';

export const json: DiffFormatter = (report, { lang }) =>
  JSON.stringify(
    {
      old: report.old,
      new: report.new,
      changes: report.changes.map((c) => ({
        kind: c.kind,
        severity: c.severity,
        city: c.city,
        action: c.action,
        target: c.target,
        measure: c.measure,
        task: c.task,
        unit: c.unit,
        date: c.date,
        renamedFrom: c.renamedFrom,
        file: c.place.file,
        line: c.place.line,
        column: c.place.column,
        endLine: c.place.endLine,
        endColumn: c.place.endColumn,
        side: c.side,
        before: c.before,
        after: c.after,
        message: c.message[lang],
      })),
      counts: report.counts,
    },
    null,
    2,
  ) + '\n';
