/**
 * A rough check of whether a download will fit in this device's memory.
 * [1] navigator.deviceMemory (Chromium only) is in GB and capped at 8; a loaded model needs about
 *     two to three times its file size while ONNX Runtime builds its session, so more than a
 *     quarter of the device's memory is a real risk of the tab being killed.
 */
export function memoryWarning(bytes: number): string | undefined {
  const gb = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  if (!gb || bytes <= 0) return undefined;
  if (bytes <= (gb * 1e9) / 4) return undefined;
  return `This device reports about ${gb} GB of memory; a model this size may not fit. A smaller dtype (q8, q4) or a smaller model is safer.`;
}
