import type { Dense, Head, Prediction } from './types';

const SHOWN_TERMS = 3;
const n3 = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(3));
const signed = (v: number) => (v < 0 ? `(${n3(v)})` : n3(v));

/** z_k written out: the first few products w·h, how many more, the bias, and the result. */
function Row({ layer, row, x, name, result }: { layer: Dense; row: number; x: number[]; name: string; result: number }) {
  const terms = Array.from({ length: Math.min(SHOWN_TERMS, layer.inSize) }, (_, i) => `${signed(layer.weight[row * layer.inSize + i] as number)}·${signed(x[i] as number)}`);
  const rest = layer.inSize - terms.length;
  return (
    <li className="break-words">
      <span className="font-semibold">{name}</span> = {terms.join(' + ')}
      {rest > 0 && ` + … ${rest} more products`} + {signed(layer.bias[row] as number)} = <span className="font-semibold">{n3(result)}</span>
    </li>
  );
}

/** The head's equation with this input's real numbers. */
export function Equation({ head, prediction }: { head: Head; prediction: Prediction }) {
  const [first, second] = head.layers as [Dense, Dense | undefined];
  const out = second ?? first;
  const input = second ? (prediction.hidden ?? []) : prediction.h;
  const cls = head.task === 'classification';
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="head-equation">
      <p className="font-mono text-base">
        {cls ? 'p = softmax(' : 'ŷ = '}
        {second ? 'W₂·ReLU(W₁·h + b₁) + b₂' : 'W·h + b'}
        {cls ? ')' : ''}
      </p>
      <p>
        h is the sentence vector of your text: {prediction.h.length} numbers, starting [{prediction.h.slice(0, 4).map(n3).join(', ')}, …].
        {second && ` The hidden layer makes a = ReLU(W₁·h + b₁): ${first.outSize} numbers, [${(prediction.hidden ?? []).slice(0, 4).map(n3).join(', ')}, …]; ReLU sets the negative ones to 0.`}
      </p>
      <ol className="flex flex-col gap-1 font-mono text-xs">
        {head.labels.map((label, k) => (
          <Row key={label} layer={out} row={k} x={input} name={cls ? `z(${label})` : 'ŷ'} result={prediction.z[k] as number} />
        ))}
      </ol>
      {cls && (
        <p className="font-mono text-xs">
          softmax: p(k) = e^z(k) / Σ e^z ={' '}
          {head.labels.map((l, k) => `p(${l}) = ${((prediction.probabilities[k] as number) * 100).toFixed(1)}%`).join(', ')}
        </p>
      )}
    </div>
  );
}
