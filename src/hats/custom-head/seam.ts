import { defineSeam } from '@/lib/hat-seam';
import { customHeadCodec, type CustomHeadParams } from './params';
import { readTrainPayload } from './training/run-training';
import type { Prediction, TrainPayload, TrainReport } from './types';

/**
 * What the page sends this hat's adapter and what it answers: live runs read the text with the
 * worn head (Prediction); a training is a call of its own (TrainPayload → TrainReport, streamed).
 */
export const seam = defineSeam<CustomHeadParams, Prediction, TrainPayload, TrainReport>(customHeadCodec, readTrainPayload);
