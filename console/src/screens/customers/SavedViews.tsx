import { useState } from 'react';
import { Link } from 'wouter';
import { loadViews, storeViews, type SavedView } from '../../saved-views';

/** The saved views as tabs above the list, "All customers" first; the current filters can be saved under a name. */
export function SavedViews({ current }: { current: string }) {
  const [views, setViews] = useState<SavedView[]>(() => loadViews());
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const update = (next: SavedView[]) => {
    setViews(next);
    storeViews(next);
  };
  const tab = (view: SavedView, removable: boolean) => (
    <li key={view.name} className={view.search === current ? 'active' : ''}>
      <Link href={view.search ? `/?${view.search}` : '/'} aria-current={view.search === current ? 'page' : undefined}>
        {view.name}
      </Link>
      {removable && (
        <button
          type="button"
          className="link"
          aria-label={`Remove the view ${view.name}`}
          onClick={() => update(views.filter((v) => v.name !== view.name))}
        >
          ×
        </button>
      )}
    </li>
  );
  return (
    <div className="views">
      <nav aria-label="Saved views">
        <ul className="tabs">
          {tab({ name: 'All customers', search: '' }, false)}
          {views.map((v) => tab(v, true))}
        </ul>
      </nav>
      {naming ? (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = name.trim();
            if (trimmed === '') return;
            update([...views.filter((v) => v.name !== trimmed), { name: trimmed, search: current }]);
            setNaming(false);
            setName('');
          }}
        >
          <label htmlFor="view-name">Name of this view</label>
          <input id="view-name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
          <button type="submit" className="primary">
            Save view
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)} disabled={current === '' || views.some((v) => v.search === current)}>
          Save these filters as a view…
        </button>
      )}
    </div>
  );
}
