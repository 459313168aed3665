import type { ReactNode } from 'react';

/**
 * A panel's table: one row per item, a column header per heading (the first column's cells are
 * row headers, drawn by `row`), a caption for screen readers, and a line saying there is nothing
 * when there are no items. Scrolls sideways on its own when the window is narrow.
 */
export function SupervisorTable<Item>(props: {
  caption: string;
  headers: string[];
  items: readonly Item[];
  none: string;
  row: (item: Item) => ReactNode;
}) {
  if (props.items.length === 0) return <p className="muted">{props.none}</p>;
  return (
    <div className="sv-table-scroll">
      <table className="sv-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.items.map(props.row)}</tbody>
      </table>
    </div>
  );
}
