// For the English-plural tests (decision 1442): the nouns said after a count of
// one in the plural ("1 retailers", "1 more cartons"), less the words that end
// in s without being plurals.
const NOT_PLURAL = new Set(['as', 'is', 'was', 'has', 'this', 'plus', 'its', 'yes', 'does', 'appears']);

export function pluralsAfterOne(text: string): string[] {
  return [...text.matchAll(/(?<![\d.,-])1 (?:more |new )?([A-Za-z]+s)\b/g)].map((m) => m[1]!).filter((w) => !NOT_PLURAL.has(w.toLowerCase()));
}
