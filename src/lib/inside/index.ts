export * from './types';
export * from './link';
export { insideSeam } from './seam';
