// Stations and grids in the viewer's scope, for filters and the edit form.
import type { Grid, Station } from '../../../shared/org.js';
import { getGrids, getStations } from '../../api/endpoints.js';
import { useLoad } from '../../components/use-load.js';

export function useOrgLists(enabled = true): { stations: Station[]; grids: Grid[] } {
  const { data } = useLoad(
    async () => (enabled ? { stations: await getStations(), grids: await getGrids() } : { stations: [], grids: [] }),
    [enabled],
  );
  return data ?? { stations: [], grids: [] };
}
