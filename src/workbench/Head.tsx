/** A table's head row from its column names. */
export function Head({ cells }: { cells: readonly string[] }) {
  return (
    <thead>
      <tr>
        {cells.map((h) => (
          <th key={h}>{h}</th>
        ))}
      </tr>
    </thead>
  );
}
