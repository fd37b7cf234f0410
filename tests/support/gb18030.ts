// Text to GB18030 bytes, as Excel on Chinese Windows saves a CSV (GBK, code
// page 936, is its two-byte part). Node has no GB18030 encoder, so the table
// is read back from its decoder: every two-byte sequence and the four-byte
// ones of the Basic Multilingual Plane; beyond it the mapping is linear.
let table: Map<string, number[]> | undefined;

function encodingTable(): Map<string, number[]> {
  if (table) return table;
  const t = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  const add = (bytes: number[]) => {
    const ch = decoder.decode(Uint8Array.from(bytes));
    if (ch !== '\ufffd' && !t.has(ch)) t.set(ch, bytes);
  };
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) add([a, b]);
  }
  for (let a = 0x81; a <= 0x84; a++)
    for (let b = 0x30; b <= 0x39; b++)
      for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) add([a, b, c, d]);
  table = t;
  return t;
}

export function encodeGb18030(text: string): Buffer {
  const t = encodingTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (code >= 0x10000) {
      let n = code - 0x10000;
      const d = 0x30 + (n % 10);
      n = Math.floor(n / 10);
      const c = 0x81 + (n % 126);
      n = Math.floor(n / 126);
      out.push(0x90 + Math.floor(n / 10), 0x30 + (n % 10), c, d);
    } else {
      const bytes = t.get(ch);
      if (!bytes) throw new Error(`no GB18030 bytes for ${ch} in this table`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
