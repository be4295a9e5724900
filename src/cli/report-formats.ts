/**
 * The format names of `plans table` and `plans gaps`, for their options and help. The formatters
 * themselves (and what they pull in: tables, cli-table3, the gap report) are loaded only when one
 * of those commands runs, so that `plans lint` does not pay for them at start-up;
 * test/report-commands.test.ts checks that these lists name exactly the formatters there are (the binary gap formats included).
 */
export const TABLE_FORMATS = ['text', 'markdown', 'csv', 'json', 'html', 'xlsx', 'docx'] as const;
export const GAP_FORMATS = ['text', 'markdown', 'json', 'html', 'docx'] as const;

/** The names of the table and gap formats, as typed unions. */
export type TableFormat = (typeof TABLE_FORMATS)[number];
export type GapFormat = (typeof GAP_FORMATS)[number];
