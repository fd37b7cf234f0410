// Service mode (服务方式): concentrated retailers get fixed-point service by
// their client manager (集中客户、定点服务); scattered ones, few neighbours and
// far by road from any town centre, are served by a mobile group
// (零散客户、流动服务). Mobile retailers close to each other (single linkage,
// within one station) form the groups that one route can serve.
import { distanceKm } from './dense-spots.js';

export type ServiceMode = 'fixed' | 'mobile';
export type ModeSite = { id: number; lat: number; lng: number; station: number };
export type ModeOptions = {
  /** Neighbours within this radius make a retailer concentrated … */
  neighbourKm: number;
  /** … when there are at least this many. */
  minNeighbours: number;
  /** A town centre within this road distance also means fixed service. */
  townRoadKm: number;
  detour: number;
  /** Mobile retailers this close (straight line) share a group. */
  groupLinkKm: number;
};

export const DEFAULT_MODE_OPTIONS: ModeOptions = { neighbourKm: 0.5, minNeighbours: 3, townRoadKm: 3, detour: 1.3, groupLinkKm: 3 };

export type ModeResult = { id: number; mode: ServiceMode; group: number | null };

export function classifyServiceModes(
  sites: readonly ModeSite[],
  towns: readonly { lat: number; lng: number }[],
  opts: ModeOptions = DEFAULT_MODE_OPTIONS,
  /** Modes set by hand: kept as they are. */
  manual: ReadonlyMap<number, ServiceMode> = new Map(),
): ModeResult[] {
  const mode = sites.map((s) => {
    const fixedByHand = manual.get(s.id);
    if (fixedByHand) return fixedByHand;
    const neighbours = sites.reduce((a, o) => a + (o !== s && distanceKm(o, s) <= opts.neighbourKm ? 1 : 0), 0);
    const townRoad = Math.min(Infinity, ...towns.map((t) => distanceKm(t, s) * opts.detour));
    return neighbours >= opts.minNeighbours || townRoad <= opts.townRoadKm ? 'fixed' : 'mobile';
  });
  // Groups: connected components of mobile retailers of one station linked within groupLinkKm.
  const group = new Array<number | null>(sites.length).fill(null);
  let next = 0;
  sites.forEach((s, i) => {
    if (mode[i] !== 'mobile' || group[i] !== null) return;
    const g = ++next;
    group[i] = g;
    const stack = [i];
    while (stack.length) {
      const a = stack.pop()!;
      sites.forEach((o, j) => {
        if (group[j] === null && mode[j] === 'mobile' && o.station === sites[a].station && distanceKm(o, sites[a]) <= opts.groupLinkKm) {
          group[j] = g;
          stack.push(j);
        }
      });
    }
  });
  return sites.map((s, i) => ({ id: s.id, mode: mode[i], group: group[i] }));
}
