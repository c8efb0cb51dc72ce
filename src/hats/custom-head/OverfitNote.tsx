import type { TrainReport } from './types';

/** One plain sentence on the held-out loss: where it was lowest, and whether it rose after that. */
export function OverfitNote({ report }: { report: TrainReport }) {
  const { bestEpoch, overfit, history } = report;
  const last = history[history.length - 1];
  if (bestEpoch === undefined || !last || last.heldOut === null) return null;
  let text: string;
  if (overfit) {
    text =
      `The held-out loss rose from epoch ${overfit.from}: after that the head was learning its training examples by heart (overfitting). ` +
      `Training stopped ${overfit.patience} epochs later and kept the head from epoch ${bestEpoch}.`;
  } else if (bestEpoch < last.epoch) {
    text = `The held-out loss was lowest at epoch ${bestEpoch}; the head from that epoch is the one kept.`;
  } else {
    text = `The held-out loss is still falling (lowest at epoch ${bestEpoch}, the latest).`;
  }
  return (
    <p className="text-sm" data-testid="overfit-note" data-best-epoch={bestEpoch}>
      {text}
    </p>
  );
}
