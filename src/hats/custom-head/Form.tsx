import { useMemo } from 'react';
import { OutputSlot } from '@/components/OutputSlot';
import { TextField } from '@/components/ui/TextField';
import type { FormProps } from '@/hats/types';
import { analyse } from './data/dataset';
import { ExamplesEditor } from './ExamplesEditor';
import { readHeadParam } from './head-codec';
import { HeadFile } from './HeadFile';
import type { CustomHeadParams } from './params';
import type { TrainPayload, TrainReport } from './types';
import { TrainPanel } from './TrainPanel';
import { TrainResults } from './TrainResults';
import { recordForMirror } from './mirror-record';
import { useTraining } from './use-training';
import { useWorkbench } from './use-workbench';

export default function Form({ params, onChange, facts, modelId, actions }: FormProps<CustomHeadParams, TrainPayload, TrainReport>) {
  const bench = useWorkbench();
  const { wb } = bench;
  // useTraining keeps the latest of this callback, so a head that arrives later joins the newest params.
  const training = useTraining(actions, (head) => {
    recordForMirror(head);
    onChange({ ...params, head });
  });
  const dataset = useMemo(() => analyse(wb.examples, wb.settings.task), [wb.examples, wb.settings.task]);
  const { head } = params.head ? readHeadParam(params.head) : {};
  const targetName = wb.settings.task === 'regression' && wb.labelName !== 'label' ? wb.labelName : 'value';

  return (
    <div className="flex flex-col gap-4">
      <ExamplesEditor bench={bench} report={dataset} />
      <TrainPanel
        settings={wb.settings}
        onSettings={bench.setSettings}
        dataset={dataset}
        training={training}
        modelReady={facts !== undefined}
        worn={params.head}
        onHead={(value) => onChange({ ...params, head: value })}
        onTrain={() => training.start({ kind: 'train', examples: dataset.usable, settings: wb.settings, targetName })}
      />
      {/* Examples, training and the live answer in one flow: the shell draws the output in the slot, under the curve. */}
      <section aria-labelledby="try-title" className="flex flex-col gap-3">
        <h3 id="try-title" className="font-semibold">
          3. Try your head
        </h3>
        <TextField label="Text for the head" value={params.text} onChange={(text) => onChange({ ...params, text })} rows={2} />
        <OutputSlot />
      </section>
      <TrainResults report={training.report} running={training.running} targetName={targetName} wearing={training.report?.head !== undefined && training.report.head === params.head}
        wornEpoch={training.report?.snapshots?.find((s) => s.head === params.head)?.epoch}
      />
      <HeadFile head={head} value={params.head} onHead={(value) => onChange({ ...params, head: value })} modelId={modelId} hiddenSize={facts?.hiddenSize} />
    </div>
  );
}
