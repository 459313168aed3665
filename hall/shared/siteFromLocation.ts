/** A site's id as the central server names it (common/contract/central/reference). */
const SITE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * The site a kiosk or a display serves, from its address: `kiosk.html?site=slaska` (the server
 * also sends `/hall/kiosk/slaska` here). Null when missing or not an id: the page then says how
 * its address should look instead of asking the API about nothing.
 */
export function siteFromSearch(search: string): string | null {
  const site = new URLSearchParams(search).get('site')?.trim().toLowerCase() ?? '';
  return SITE_ID.test(site) ? site : null;
}

/** `?print=auto`: the kiosk prints each ticket as it is issued (a kiosk PC with a receipt printer). */
export function printsAutomatically(search: string): boolean {
  return new URLSearchParams(search).get('print') === 'auto';
}
