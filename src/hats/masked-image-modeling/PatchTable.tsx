import type { PatchRow, Rgb } from './output';

export const rgbText = (c: Rgb) => c.map((v) => v.toFixed(3)).join(' ');
const css = (c: Rgb) => `rgb(${c.map((v) => Math.round(v * 255)).join(' ')})`;

export function Swatch({ colour }: { colour: Rgb }) {
  return <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 rounded-sm border border-stone-400 align-middle" style={{ background: css(colour) }} />;
}

/** The hidden patches one by one: the decoder's mean colour against the true one, and the error. */
export function PatchTable({ rows }: { rows: PatchRow[] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">Every hidden patch: predicted and true mean colour (red green blue, 0–1) and error</summary>
      <div className="max-h-72 overflow-auto">
        <table className="mt-1 w-full text-left font-mono text-xs" data-testid="mim-patch-table">
          <thead>
            <tr>
              <th scope="col">Patch</th>
              <th scope="col">Row, column</th>
              <th scope="col">Predicted</th>
              <th scope="col">True</th>
              <th scope="col">MSE</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.index} data-testid="mim-patch-row">
                <th scope="row">{r.index}</th>
                <td>
                  {r.row + 1}, {r.col + 1}
                </td>
                <td>
                  <Swatch colour={r.predicted} />
                  <span data-testid="mim-predicted">{rgbText(r.predicted)}</span>
                </td>
                <td>
                  <Swatch colour={r.actual} />
                  {rgbText(r.actual)}
                </td>
                <td>{r.mse.toFixed(4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
