import { mirrorBodyFor } from '@/lib/mirror/body-for';
import { MIRROR_DEFAULTS } from '@/lib/mirror/params';
import { useApp } from '../app-context';
import { currentChoice } from '../store';

/**
 * Opens the mirror. In the header it shows the default body (or the current hat's, when the mirror
 * can show it); beside a hat (`forHat`) it appears only when the mirror can show that hat's body.
 */
export function MirrorButton({ forHat = false }: { forHat?: boolean }) {
  const open = useApp((s) => s.mirror !== null);
  const openMirror = useApp((s) => s.openMirror);
  const modelId = useApp((s) => currentChoice(s).model);
  const modelType = useApp((s) => s.model.info?.facts.modelType);
  const body = mirrorBodyFor(modelId, modelType);
  if (open || (forHat && !body)) return null;
  return (
    <button type="button" className="btn" data-testid={forHat ? 'hat-mirror-link' : undefined} onClick={() => openMirror({ ...MIRROR_DEFAULTS, model: body ?? MIRROR_DEFAULTS.model })}>
      <span aria-hidden="true">🪞 </span>
      {forHat ? 'See this body in the mirror' : 'Mirror'}
    </button>
  );
}
