/**
 * Saved views of the customer list: a name and the list's query string (its filters, sort and page
 * size). Kept in this browser's localStorage: they hold no customer data and no token, and an
 * administrator expects them in every tab and the next day. A view is also just its URL.
 */
export interface SavedView {
  name: string;
  search: string;
}

const KEY = 'crms.console.views';

export function loadViews(storage: Storage | undefined = globalThis.localStorage): SavedView[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.search === 'string') : [];
  } catch {
    return [];
  }
}

export function storeViews(views: SavedView[], storage: Storage | undefined = globalThis.localStorage): void {
  storage?.setItem(KEY, JSON.stringify(views));
}
