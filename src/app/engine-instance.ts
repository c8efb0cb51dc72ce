import { InferenceClient } from '@/engine/client';
import { startController, type Controller } from './controller';

let controller: Controller | undefined;
let client: InferenceClient | undefined;

/** The page's one worker and controller, started on first use. */
export function getController(): Controller {
  if (!controller) {
    const worker = new Worker(new URL('../worker/inference.worker.ts', import.meta.url), { type: 'module', name: 'inference' });
    client = new InferenceClient(worker);
    controller = startController(client);
  }
  return controller;
}

export function getClient(): InferenceClient {
  getController();
  return client!;
}
