import { describe, expect, it } from 'vitest';
import { classifyRetailers } from './classify.js';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { retailer } from './test-fixtures.js';

describe('classification', () => {
  it('codes market, format and scale, top 20% / next 30% / rest within the format', () => {
    // Ten urban groceries of rising size, and one rural supermarket alone in its format.
    const groceries = Array.from({ length: 10 }, (_, i) =>
      retailer({ retailerId: `Z${i}` }, { cartons: 100 * (i + 1), valueYuan: 12000 * (i + 1) }),
    );
    const shop = retailer({ retailerId: 'S1', network: 'rural', format: 'S' }, { cartons: 10, valueYuan: 1000 });
    const { code } = classifyRetailers([...groceries, shop], S);
    expect(code.slice(0, 10)).toEqual(['CZ3', 'CZ3', 'CZ3', 'CZ3', 'CZ3', 'CZ2', 'CZ2', 'CZ2', 'CZ1', 'CZ1']);
    expect(code[10]).toBe('XS1');
  });

  it('mixes volume and value shares: a small, dear shop can outrank a bigger, cheap one', () => {
    const cheap = retailer({ retailerId: 'a' }, { cartons: 110, valueYuan: 110 * 80 });
    const dear = retailer({ retailerId: 'b' }, { cartons: 100, valueYuan: 100 * 200 });
    const { scale } = classifyRetailers([cheap, dear], { ...S, classification: { ...S.classification, scaleShares: [50, 0, 50] } });
    expect([...scale]).toEqual([3, 1]);
  });

  it('can rank within format and market separately', () => {
    const urban = retailer({ retailerId: 'u' }, { cartons: 1000, valueYuan: 150000 });
    const rural = retailer({ retailerId: 'r', network: 'rural' }, { cartons: 10, valueYuan: 1000 });
    const both = classifyRetailers([urban, rural], { ...S, classification: { ...S.classification, rankWithin: 'network_format' } });
    expect(both.code).toEqual(['CZ1', 'XZ1']);
    const pooled = classifyRetailers([urban, rural], S);
    expect(pooled.code).toEqual(['CZ1', 'XZ3']);
  });
});
