import { ortBuild, ortFiles, probeWebgpu, type OrtBuild } from '@/lib/ort-build';
import type { KeepRuntimeMessage } from './runtime-files';

/**
 * Tells the active service worker which ONNX Runtime build this device runs (the decision the
 * inference worker makes, src/lib/ort-build.ts), so its offline copy holds that build and not the
 * other. Returns the build.
 */
export async function keepRuntime(registration: ServiceWorkerRegistration): Promise<OrtBuild> {
  const build = ortBuild(await probeWebgpu());
  const files = ortFiles(build, document.baseURI);
  const message: KeepRuntimeMessage = { type: 'KEEP_RUNTIME', urls: [files.wasm, files.mjs] };
  registration.active?.postMessage(message);
  return build;
}
