// Leaflet's tooltips, popups and divIcons take an HTML string or a DOM node.
// Everything shown on a map goes through here as DOM text nodes, so a shop,
// grid, station or village name is never parsed as HTML (a stored
// `<img onerror>` stays text). Style rule 6; tests/e2e/stored-xss.test.ts.

/** Lines of plain text as one element, joined by line breaks. */
export function mapText(...lines: string[]): HTMLElement {
  const el = document.createElement('span');
  lines.forEach((line, i) => {
    if (i > 0) el.append(document.createElement('br'));
    el.append(document.createTextNode(line));
  });
  return el;
}

/** A marker badge: short text on a background colour, for `L.divIcon({ html })`. */
export function mapBadge(text: string, background?: string): HTMLElement {
  const el = mapText(text);
  if (background) el.style.background = background;
  return el;
}
