// Picking a dictionary entry by a key that comes from data.
/**
 * A dictionary entry picked by a key that comes from data (an audit action, a
 * field name): the entry when the dictionary has one, else the key itself.
 * The dictionaries keep their exact keys, so zh and en stay checked against each other.
 */
export function textOf(dict: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(dict, key) ? dict[key]! : key;
}
