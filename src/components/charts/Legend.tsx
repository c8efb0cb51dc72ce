export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean;
}

/** A one-line legend drawn inside the chart's SVG, so an exported picture keeps it. */
export function Legend({ items, x, y }: { items: readonly LegendItem[]; x: number; y: number }) {
  // Each entry is as wide as its swatch and its name (about 6 units a character at font size 11).
  const starts = items.map((_, i) => x + items.slice(0, i).reduce((w, item) => w + 28 + item.name.length * 6, 0));
  return (
    <g>
      {items.map((item, i) => {
        return (
          <g key={item.name} transform={`translate(${starts[i]} ${y})`}>
            <line x1={0} x2={16} y1={0} y2={0} stroke={item.color} strokeWidth={4} strokeDasharray={item.dashed ? '4 2' : undefined} />
            <text x={20} y={0} dominantBaseline="middle" fill="currentColor">
              {item.name}
            </text>
          </g>
        );
      })}
    </g>
  );
}
