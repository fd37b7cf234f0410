// Position along a Hilbert curve: ordering points by it keeps neighbours
// together, so consecutive runs of the order are compact areas.

/** Position along a Hilbert curve over [0, 2^16)², for ordering points so that runs are compact. */
export function hilbertIndex(x: number, y: number): number {
  const n = 1 << 16;
  let d = 0;
  for (let s = n >> 1; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = n - 1 - x;
        y = n - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}
