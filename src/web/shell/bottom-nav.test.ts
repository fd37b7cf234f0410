import { describe, expect, it } from 'vitest';
import { bottomTabsOf } from './bottom-nav.js';

describe('bottom navigation tabs', () => {
  it('are the role’s daily screens that its menu has, with "more" for the rest', () => {
    const workerMenu = ['home', 'dashboard', 'retailers', 'map', 'ratings', 'field', 'notices'];
    expect(bottomTabsOf('grid_worker', workerMenu)).toEqual(['home', 'field', 'map', 'retailers', 'more']);
    expect(bottomTabsOf('retailer', ['home', 'my-file', 'my-rating', 'my-order', 'my-cases', 'notices'])).toEqual(['home', 'my-order', 'my-rating', 'notices', 'my-file']);
  });

  it('leave out a screen the menu lacks, and are none for desk roles or a menu of one', () => {
    expect(bottomTabsOf('grid_worker', ['home', 'map', 'retailers'])).toEqual(['home', 'map', 'retailers', 'more']);
    expect(bottomTabsOf('county_manager', ['home', 'dashboard', 'map'])).toEqual([]);
    expect(bottomTabsOf('retailer', ['home'])).toEqual([]);
  });
});
