import { defineSeam } from '@/lib/hat-seam';
import { insideSeam, type InsideAnswer, type InsideRequest, type InsideView } from '@/lib/inside';
import { customHeadCodec, type CustomHeadParams } from './params';
import { readTrainPayload } from './training/run-training';
import type { Prediction, TrainPayload, TrainReport } from './types';

/** A call to this hat: a training, or a look inside the frozen encoder (the Inside panel). */
export type CustomHeadCall = TrainPayload | InsideRequest<CustomHeadParams>;

const inside = insideSeam<CustomHeadParams, Prediction>(customHeadCodec);
const isTraining = (raw: unknown) => typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === 'train';

/**
 * What the page sends this hat's adapter and what it answers: live runs read the text with the
 * worn head (Prediction); a training is a call of its own (TrainPayload → TrainReport, streamed), and
 * so is a look inside the encoder the head sits on.
 */
export const seam = defineSeam<CustomHeadParams, Prediction, CustomHeadCall, TrainReport | InsideAnswer>(customHeadCodec, (raw) =>
  isTraining(raw) ? readTrainPayload(raw) : inside.call!(raw),
);

/** What the Inside panel shows for this hat: the encoder's attention and its hidden states (it has no word-guessing head for a lens). */
export const insideViews: readonly InsideView[] = ['attention', 'hidden'];
