import { useApp } from '../app-context';
import { DEMO_SIZE } from '../demo-wardrobe';

/** Says plainly, on every hat, that the demo wardrobe's models are tiny teaching models and not real ones. */
export function DemoBanner() {
  const demo = useApp((s) => s.demo);
  const setDemo = useApp((s) => s.setDemo);
  if (!demo) return null;
  return (
    <section
      aria-label="Demo wardrobe"
      data-testid="demo-banner"
      className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-violet-300 bg-violet-50 px-3 py-2 text-sm dark:border-violet-800 dark:bg-violet-950"
    >
      <p>
        <strong>Demo wardrobe:</strong> tiny teaching models with hand-set weights, built into this page ({DEMO_SIZE} in all, no download,
        nothing leaves this site). Each knows only a few words and rules, named under its model; real models answer far more.
      </p>
      <button type="button" className="btn" onClick={() => setDemo(false)}>
        Use real models
      </button>
    </section>
  );
}

/** One click from a model host that cannot be reached to the demo wardrobe. */
export function DemoOffer() {
  const demo = useApp((s) => s.demo);
  const setDemo = useApp((s) => s.setDemo);
  if (demo) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="demo-offer">
      <button type="button" className="btn-primary" onClick={() => setDemo(true)}>
        Open the demo wardrobe
      </button>
      <span>Every hat on a tiny built-in model ({DEMO_SIZE}, no download), while the model host is out of reach.</span>
    </div>
  );
}
