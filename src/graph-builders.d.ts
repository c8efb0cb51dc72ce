/** Twelve hex digits naming the graph builders this build of the app has (vite.config.ts, scripts/graph-builders.ts). */
declare const __GRAPH_BUILDERS__: string;
