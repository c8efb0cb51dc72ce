const WORDS = ['the', 'cat', 'sat', 'on'];

/** A 4×4 picture of who may look at whom: GPT's lower triangle next to BERT's full square. */
function Grid({ title, allowed }: { title: string; allowed: (row: number, col: number) => boolean }) {
  return (
    <table className="border-collapse text-center font-mono text-xs">
      <caption className="mb-1 text-left font-sans text-xs font-semibold">{title}</caption>
      <thead>
        <tr>
          <td />
          {WORDS.map((w) => (
            <th key={w} scope="col" className="px-1 font-normal">
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WORDS.map((w, r) => (
          <tr key={w}>
            <th scope="row" className="pr-1 text-right font-normal">
              {w}
            </th>
            {WORDS.map((c, k) => (
              <td key={c} className={`h-6 w-8 border border-stone-300 dark:border-stone-600 ${allowed(r, k) ? 'bg-amber-400 text-stone-950' : 'bg-stone-100 text-stone-400 dark:bg-stone-800'}`}>
                {allowed(r, k) ? '✓' : '·'}
                <span className="sr-only">{allowed(r, k) ? ` ${w} sees ${c}` : ` ${w} cannot see ${c}`}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CausalMask() {
  return (
    <div className="flex flex-wrap gap-6" data-testid="causal-mask">
      <Grid title="GPT (causal): rows look left only" allowed={(r, c) => c <= r} />
      <Grid title="BERT (bidirectional): everyone sees everyone" allowed={() => true} />
    </div>
  );
}
