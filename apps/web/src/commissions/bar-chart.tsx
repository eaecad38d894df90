/** Horizontal bars of counts; the page shows the same figures in a table beside it (the chart is not the only way to read them). */
export function BarChart({ label, rows }: { label: string; rows: { key: string; name: string; value: number; missing: boolean }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 24;
  const labelWidth = 230;
  const barWidth = 320;
  const height = rows.length * rowHeight + 8;
  return (
    <svg className="reg-chart" viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`} role="img" aria-label={label}>
      {rows.map((row, i) => {
        const y = 4 + i * rowHeight;
        const width = (row.value / max) * barWidth;
        return (
          <g key={row.key}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end">
              {row.name.length > 32 ? `${row.name.slice(0, 31)}…` : row.name}
            </text>
            <rect x={labelWidth} y={y + 3} width={Math.max(width, 0)} height={rowHeight - 8} fill={row.missing ? '#b00020' : '#0b57a4'} />
            {row.missing && <rect x={labelWidth} y={y + 3} width={3} height={rowHeight - 8} fill="#b00020" />}
            <text x={labelWidth + Math.max(width, 3) + 6} y={y + 16}>
              {row.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
