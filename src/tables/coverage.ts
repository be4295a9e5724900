/** Province tasks × cities: the actions of each city that cover each leaf task. */
import { tr } from '../i18n/index.js';
import type { Model, Task } from '../model/types.js';
import { actionsInOrder, cityName, listSep, plansShown } from './common.js';
import type { Column, Row, Table, TableOptions } from './types.js';

/** The coverage table: one row per leaf task, one column per city shown. */
export function coverageTable(model: Model, opts: TableOptions): Table {
  const { lang } = opts;
  const plans = plansShown(model, opts.cities);
  const campaign = model.campaign;
  const byId = new Map((campaign?.allTasks ?? []).map((task) => [task.id, task]));
  const rows: Row[] = (campaign?.leafTasks ?? []).map((task) => {
    const cells: Record<string, string> = { task: task.id, title: taskTitle(task, byId) };
    const ids: Row['ids'] = { task: task.id };
    for (const plan of plans) {
      // An action that lists a parent task covers each of its subtasks.
      const covering = actionsInOrder(plan).filter((a) => a.tasks.some((id) => id === task.id || isAncestor(id, task, byId)));
      cells[`city:${plan.city}`] = covering.length ? covering.map((a) => a.id).join(listSep(lang)) : tr(lang, 'tables/not-covered');
      ids[`city:${plan.city}`] = covering.map((a) => a.id);
    }
    return { cells, ids };
  });
  const cityColumns: Column[] = plans.map((plan) => ({ key: `city:${plan.city}`, heading: cityName(model, plan.city), width: 12 }));
  return {
    name: 'coverage',
    title: tr(lang, 'tables/title/coverage'),
    columns: [
      { key: 'task', heading: tr(lang, 'tables/col/task'), width: 6, nowrap: true },
      { key: 'title', heading: tr(lang, 'tables/col/task-title'), width: 22 },
      ...cityColumns,
    ],
    rows,
  };
}

/** A subtask reads with its parent's title: `公共法律服务扶弱托底 · 律师行业高质量发展`. */
function taskTitle(task: Task, byId: Map<string, Task>): string {
  const parent = task.parent ? byId.get(task.parent) : undefined;
  return parent ? `${taskTitle(parent, byId)} · ${task.title}` : task.title;
}

function isAncestor(id: string, task: Task, byId: Map<string, Task>): boolean {
  for (let p = task.parent; p; p = byId.get(p)?.parent) if (p === id) return true;
  return false;
}
