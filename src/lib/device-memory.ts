/**
 * A rough check of whether a download will fit in this device's memory.
 * [1] navigator.deviceMemory (Chromium only) is in GB and capped at 8; a loaded model needs about
 *     two to three times its file size while ONNX Runtime builds its session, so more than a
 *     quarter of the device's memory is a real risk of the tab being killed.
 */
export function memoryWarning(bytes: number): string | undefined {
  const gb = deviceMemoryGb();
  if (!gb || bytes <= 0) return undefined;
  if (bytes <= (gb * 1e9) / 4) return undefined;
  return `This device reports about ${gb} GB of memory; a model this size may not fit. A smaller dtype (q8, q4) or a smaller model is safer.`;
}

/** What navigator.deviceMemory says (GB), where the browser says it. */
export function deviceMemoryGb(): number | undefined {
  return (globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined)?.deviceMemory;
}

/**
 * [2] How many bytes of model files may be loaded at once in one page: a quarter of the device's
 *     memory, by the rule of [1] (4 GB assumed where the browser does not say). A loaded model is
 *     counted at its download size, so three big models and a checkpoint build (counted at the
 *     checkpoint bytes it reads) stay under it together.
 */
export function modelMemoryBudget(gb = deviceMemoryGb()): number {
  return ((gb ?? 4) * 1e9) / 4;
}
