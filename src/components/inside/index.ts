export { InsidePanel } from './InsidePanel';
export type { InsideActions } from './use-inside';
