import { MIRROR_VIEW, parseMirror, type MirrorParams } from '@/lib/mirror/params';

/** The mirror view's part of the store: open (with its params, which the address carries) or not. */
export interface MirrorSlice {
  /** Open when set: the page shows the mirror instead of a hat, and the hat's model waits. */
  mirror: MirrorParams | null;
  openMirror(params: MirrorParams): void;
  setMirror(patch: Partial<MirrorParams>): void;
  closeMirror(): void;
}

type Set = (partial: Partial<MirrorSlice> | ((s: MirrorSlice) => Partial<MirrorSlice>)) => void;

/** `?view=mirror&…` opens the mirror; another view name is refused with a notice, never a blank page. */
export function mirrorFromAddress(search: string): { mirror: MirrorParams | null; notices: string[] } {
  const query = new URLSearchParams(search);
  const view = query.get('view');
  if (view === null) return { mirror: null, notices: [] };
  if (view !== MIRROR_VIEW) return { mirror: null, notices: [`The link asks for a view called “${view.slice(0, 40)}”; the wardrobe has only the mirror (view=${MIRROR_VIEW}), so the hats are shown.`] };
  const { params, notices } = parseMirror(query);
  return { mirror: params, notices };
}

export function mirrorSlice(initial: MirrorParams | null, set: Set): MirrorSlice {
  return {
    mirror: initial,
    openMirror: (params) => set({ mirror: params }),
    setMirror: (patch) => set((s) => (s.mirror ? { mirror: { ...s.mirror, ...patch } } : {})),
    closeMirror: () => set({ mirror: null }),
  };
}
