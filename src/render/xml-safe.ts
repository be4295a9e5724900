/** Text that an XML 1.0 file may hold: what exceljs and docx write must read back, in Excel, Word, LibreOffice and exceljs itself. */

/**
 * C0 controls other than tab, line feed and carriage return, U+FFFE and U+FFFF, and surrogates
 * that are not part of a pair: characters XML 1.0 does not allow anywhere, even escaped.
 */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids (they would make the file unreadable). */
export function xmlSafe(text: string): string {
  return text.replace(ILLEGAL, '');
}
