/** A string literal that both Python and JavaScript read back as the same text. */
export function literal(text: string): string {
  return JSON.stringify(text);
}

/** The Hub id whose PyTorch weights the ONNX export came from, when the config names one. */
export function pythonModelId(modelId: string, sourceModel?: string): string {
  if (sourceModel && /^[\w.-]+(\/[\w.-]+)?$/.test(sourceModel) && !sourceModel.startsWith('.')) return sourceModel;
  return modelId;
}
