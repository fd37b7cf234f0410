// Text a spreadsheet would run as a formula, neutralised in every file the
// app writes (CSV by its one writer, .xlsx by the sheet writers in src/solver)
// and restored on import, so an exported file round-trips.

/**
 * A cell that a spreadsheet would run as a formula (it starts with = + - @,
 * a tab or a carriage return: `=HYPERLINK(…)`, `=cmd|…`) gets a leading
 * apostrophe, so Excel and WPS show it as text. Numbers are left alone.
 */
export function neutraliseCell(v: string | number): string {
  const s = String(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The inverse on import: an apostrophe that neutralised a formula-like cell is dropped, so a file round-trips. */
export function restoreCell(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}
