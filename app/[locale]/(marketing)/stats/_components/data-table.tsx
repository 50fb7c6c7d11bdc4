type Props = {
  caption: string;
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly string[] }[];
  /** Visually hidden: the table is the chart's equivalent for screen readers. */
  isHidden?: boolean;
};

/** A plain data table; the first cell of each row is its header. */
export function DataTable({ caption, columns, rows, isHidden = false }: Props) {
  const table = (
    <table className={isHidden ? undefined : "w-full border-collapse text-left text-sm"}>
      <caption className={isHidden ? undefined : "mb-2 text-left font-medium text-ink-muted"}>
        {caption}
      </caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th
              key={column}
              scope="col"
              className={`border-b border-line py-2 pr-4 font-semibold ${index > 0 ? "text-right" : ""}`}
            >
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-line">
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <th key={columns[index]} scope="row" className="py-2 pr-4 font-normal">
                  {cell}
                </th>
              ) : (
                <td key={columns[index]} className="py-2 pr-4 text-right tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // A table box ignores the height and overflow that sr-only sets, so a hidden table
  // kept its full height (a long blank scroll under the footer): hide a wrapper instead.
  return isHidden ? <div className="sr-only">{table}</div> : table;
}
