// Who handles a new case: by the category's jurisdiction, then by the shop's
// grid and station. Marketing cases go to the shop's grid worker, supply and
// allocation to the station head (the worker cannot change an allocation);
// logistics and monopoly cases to the org's handler of that queue. A
// complaint about a named worker never goes to that worker: the station head
// takes it, and a complaint about the station head goes to the county.
import { DESK_CATEGORIES, type DeskCategory, type Jurisdiction } from '../../shared/desk.js';

export type RoutingPlace = {
  gridWorkerId: number | null;
  stationHeadId: number | null;
  /** The first county manager: the last resort and the county level. */
  countyId: number | null;
  logisticsHandlerId: number | null;
  monopolyHandlerId: number | null;
};

export type Routed = { jurisdiction: Jurisdiction; handlerId: number | null; level: 'grid' | 'station' | 'county' };

export function routeCase(c: { category: DeskCategory; subjectUserId: number | null }, at: RoutingPlace): Routed {
  const jurisdiction = DESK_CATEGORIES[c.category].jurisdiction;
  const chain: { id: number | null; level: Routed['level'] }[] =
    jurisdiction === 'logistics'
      ? [{ id: at.logisticsHandlerId, level: 'county' }]
      : jurisdiction === 'monopoly'
        ? [{ id: at.monopolyHandlerId, level: 'county' }]
        : c.category === 'supply'
          ? [{ id: at.stationHeadId, level: 'station' }]
          : [
              { id: at.gridWorkerId, level: 'grid' },
              { id: at.stationHeadId, level: 'station' },
            ];
  // Up the chain: station head, then the county (county queues fall back to the county first).
  if (jurisdiction === 'marketing') chain.push({ id: at.stationHeadId, level: 'station' }, { id: at.countyId, level: 'county' });
  else chain.push({ id: at.countyId, level: 'county' }, { id: at.stationHeadId, level: 'station' });
  const pick = chain.find((h) => h.id !== null && h.id !== c.subjectUserId);
  return { jurisdiction, handlerId: pick?.id ?? null, level: pick?.level ?? 'county' };
}

/** May this user take the case (a reassignment)? Never the worker a complaint is about. */
export function mayHandle(handlerId: number, subjectUserId: number | null): boolean {
  return handlerId !== subjectUserId;
}
