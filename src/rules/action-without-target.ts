/** action-without-target: an action with no quantified target (none at all, or only qualitative ones). */
import { t } from '../i18n/index.js';
import { defineRule } from './types.js';
import { hasQuantifiedTarget } from '../domain/coverage.js';

export { hasQuantifiedTarget };


export const actionWithoutTarget = defineRule({
  id: 'action-without-target',
  severity: 'warning',
  description: t('rule/action-without-target'),
  messages: ['action-without-target/no-target', 'action-without-target/only-qualitative'],
  reads: { scope: 'file' },
  check(ctx) {
    for (const action of ctx.model.actions) {
      if (hasQuantifiedTarget(action)) continue;
      // a target that could not be read at all already has a schema error
      if (action.targets.some((x) => x.target === undefined)) continue;
      const id = action.targets.length === 0 ? 'action-without-target/no-target' : 'action-without-target/only-qualitative';
      ctx.report(action.origin, t(id, { action: action.id }), { at: ['id'] });
    }
  },
});
