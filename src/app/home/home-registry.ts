// The home's item providers (issue 17 item 5). A provider answers one item
// for the roles it names, scoped by the viewer, in one or two set-based
// statements; a feature adds its item with one entry here (and its title in
// HOME_ITEMS, src/shared/home.ts). The screen renders any item the same way.
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { Role } from '../../shared/codes.js';
import type { HomeItem, HomeItemKey } from '../../shared/home.js';
import { deskProviders } from './desk-items.js';
import { visitProviders } from './visit-items.js';
import { orderingProviders } from './ordering-items.js';
import { retailerProviders } from './retailer-items.js';
import { countyProviders } from './county-items.js';
import { myProviders } from './my-items.js';
import { adminProviders } from './admin-items.js';

export type HomeContext = {
  db: Db;
  viewer: Viewer;
  now: Date;
  /** Today in Beijing (YYYY-MM-DD), its Monday, and the instants today starts and ends. */
  today: string;
  monday: string;
  dayStart: Date;
  dayEnd: Date;
};

export type HomeProvider = {
  key: HomeItemKey;
  roles: readonly Role[];
  /** The item, or null when it has nothing to say to this viewer (e.g. no plan this week and nothing to do about it). */
  load: (ctx: HomeContext) => Promise<HomeItem | null>;
};

export const HOME_PROVIDERS: readonly HomeProvider[] = [
  ...visitProviders,
  ...deskProviders,
  ...orderingProviders,
  ...retailerProviders,
  ...countyProviders,
  ...myProviders,
  ...adminProviders,
];
