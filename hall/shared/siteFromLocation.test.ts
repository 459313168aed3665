import { describe, expect, it } from 'vitest';
import { printsAutomatically, siteFromSearch } from './siteFromLocation';

describe('the site of a hall page, from its address', () => {
  it('reads ?site=', () => {
    expect(siteFromSearch('?site=slaska')).toBe('slaska');
    expect(siteFromSearch('?print=auto&site=Waszyngtona')).toBe('waszyngtona');
  });

  it('has none when it is missing or not an id, so the page says how its address should look', () => {
    expect(siteFromSearch('')).toBeNull();
    expect(siteFromSearch('?site=')).toBeNull();
    expect(siteFromSearch('?site=../admin')).toBeNull();
    expect(siteFromSearch('?site=ul.%20%C5%9Al%C4%85ska')).toBeNull();
  });

  it('prints each ticket by itself only when asked to', () => {
    expect(printsAutomatically('?site=slaska&print=auto')).toBe(true);
    expect(printsAutomatically('?site=slaska')).toBe(false);
  });
});
