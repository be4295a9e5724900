/** A small 分工责任清单-shaped table (city and action merged, a wide measure column) for layout tests. */
import type { Row, Table } from '../../src/tables/types.js';

export function measureTable(rows: Row[]): Table {
  return {
    name: 'responsibilities',
    title: 't',
    columns: [
      { key: 'city', heading: '城市', width: 6, merge: true },
      { key: 'action', heading: '行动', width: 14, merge: true },
      { key: 'measure', heading: '具体举措', width: 30 },
    ],
    rows,
  };
}
