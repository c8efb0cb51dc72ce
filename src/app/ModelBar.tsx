import { memo, useId, useState } from 'react';
import type { DevicePreference, Dtype, DtypePreference } from '@/engine/protocol';
import type { HatDefinition } from '@/hats/types';
import { Foldable } from '@/components/ui/Foldable';
import { formatBytes } from '@/lib/format';
import { ModelStatus } from './ModelStatus';
import { DemoOffer } from './offline/DemoBanner';
import { useStepRules } from './classroom/StepInputs';
import { modelSize, smallestFirst, usePhoneScreen, useSmallDevice } from './classroom/use-small-device';
import { isModelId } from './share-link';
import { useApp, useController } from './app-context';
import { currentChoice } from './store';

const OTHER = '__other__';

/** Model, dtype and device, and the model's status; it reads the store itself, so a new run's answer does not re-render it. */
export const ModelBar = memo(function ModelBar({ hat }: { hat: HatDefinition }) {
  const choice = useApp(currentChoice);
  const model = useApp((s) => s.model);
  const update = useApp((s) => s.updateChoice);
  const demo = useApp((s) => s.demo);
  const controller = useController();
  // On the projector and on a phone the choices fold into one line; the model's status stays in view.
  const phone = usePhoneScreen();
  const compact = useApp((s) => s.presenter) || phone;
  const ids = { model: useId(), dtype: useId(), device: useId(), other: useId() };
  const curated = demo ? undefined : hat.models.find((m) => m.id === choice.model);
  const teaching = demo ? hat.demo.find((m) => m.id === choice.model) : undefined;
  const [other, setOther] = useState(curated || demo ? '' : choice.model);
  const [otherOpen, setOtherOpen] = useState(!curated && !demo);
  const [otherError, setOtherError] = useState('');
  const dtypes: Dtype[] = model.inspect?.availableDtypes ?? (Object.keys(curated?.sizes ?? {}) as Dtype[]);
  // On a phone, small models come first and every option says its download size.
  const small = useSmallDevice();
  const models = small ? smallestFirst(hat.models, choice.dtype) : hat.models;
  const sizeOf = (m: (typeof models)[number]) => {
    const d = choice.dtype === 'auto' ? 'q8' : choice.dtype;
    const bytes = small ? modelSize(m, choice.dtype) : m.sizes[d];
    return bytes ? formatBytes(bytes) : '';
  };
  // A lesson step may lock the model bar's choices.
  const { locked } = useStepRules(hat);

  const applyOther = () => {
    const id = other.trim();
    if (!isModelId(id)) {
      setOtherError('A Hub model id looks like “org/name”, for example Xenova/bert-base-cased.');
      return;
    }
    setOtherError('');
    update({ model: id, dtype: 'auto' });
  };

  return (
    <div className={`panel flex gap-3 ${compact ? 'flex-wrap items-baseline gap-y-1 py-2' : 'flex-col'}`}>
      <Foldable folded={compact} summary={`Model: ${choice.model}`}>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
            <label htmlFor={ids.model} className="text-sm font-medium">
              Model
            </label>
            <select
              id={ids.model}
              disabled={locked.includes('model')}
              value={otherOpen ? OTHER : choice.model}
              onChange={(e) => {
                if (e.target.value === OTHER) {
                  setOtherOpen(true);
                  return;
                }
                setOtherOpen(false);
                update({ model: e.target.value, dtype: 'auto' });
              }}
              className="w-full min-w-0 rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-900"
            >
              {demo &&
                hat.demo.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.id} · tiny demo model
                  </option>
                ))}
              {demo && !teaching && <option value={choice.model}>{choice.model}</option>}
              {!demo &&
                models.map((m) => (
                <option key={m.id} value={m.id}>
                  {small && sizeOf(m) ? `${sizeOf(m)} · ` : ''}
                  {m.id}
                  {m.languages ? ` · ${m.languages}` : ''}
                  {!small && sizeOf(m) ? ` · ${sizeOf(m)}` : ''}
                </option>
              ))}
              {!demo && <option value={OTHER}>Another model from the Hub…</option>}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.dtype} className="text-sm font-medium">
              Weights (dtype)
            </label>
            <select
              id={ids.dtype}
              disabled={locked.includes('dtype')}
              value={choice.dtype}
              onChange={(e) => update({ dtype: e.target.value as DtypePreference })}
              className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-900"
            >
              <option value="auto">auto{model.inspect ? ` (${model.inspect.dtype})` : ''}</option>
              {dtypes.map((d) => (
                <option key={d} value={d}>
                  {d}
                  {curated?.sizes[d] ? ` · ${formatBytes(curated.sizes[d])}` : ''}
                </option>
              ))}
              {choice.dtype !== 'auto' && !dtypes.includes(choice.dtype) && <option value={choice.dtype}>{choice.dtype}</option>}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.device} className="text-sm font-medium">
              Device
            </label>
            <select
              id={ids.device}
              disabled={locked.includes('device')}
              value={choice.device}
              onChange={(e) => update({ device: e.target.value as DevicePreference })}
              className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-600 dark:bg-stone-900"
            >
              <option value="auto">auto{model.inspect ? ` (${model.inspect.device === 'webgpu' ? 'WebGPU' : 'WASM'})` : ''}</option>
              <option value="webgpu">WebGPU</option>
              <option value="wasm">WebAssembly (WASM)</option>
            </select>
          </div>
        </div>
        {curated && <p className="text-xs text-stone-600 dark:text-stone-400">{curated.note} Licence: {curated.licence}.</p>}
        {teaching && (
          <p className="text-sm" data-testid="demo-knows">
            <strong>A tiny teaching model with hand-set weights.</strong> What it knows: {teaching.knows}
          </p>
        )}
        {otherOpen && (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              applyOther();
            }}
          >
            <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
              <label htmlFor={ids.other} className="text-sm font-medium">
                Hub model id (needs {hat.modelRequirement ?? 'ONNX weights for transformers.js'})
              </label>
              <input
                id={ids.other}
                value={other}
                onChange={(e) => setOther(e.target.value)}
                placeholder="org/name"
                disabled={locked.includes('model')}
                aria-invalid={otherError ? true : undefined}
                aria-describedby={otherError ? `${ids.other}-err` : undefined}
                className="w-full min-w-0 rounded-lg border border-stone-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
              />
            </div>
            <button type="submit" className="btn" disabled={locked.includes('model')}>
              Use this model
            </button>
            {otherError && (
              <p id={`${ids.other}-err`} role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
                {otherError}
              </p>
            )}
          </form>
        )}
      </Foldable>
      <ModelStatus model={model} modelId={choice.model} onRetry={controller.retry} onLoad={controller.loadNow} onCancel={controller.cancel} offline={<DemoOffer />} />
    </div>
  );
});
