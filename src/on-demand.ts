// What linting files does not need, in one module for the CLI to import when a command or flag asks for it.
// One module, so that esbuild splits it off as one chunk: with a dynamic import per feature, it also splits
// the code each shares with linting into a chunk per combination, and every chunk a start loads costs a
// module resolution (~0.4 ms), which is more than parsing these features would.
export { collectNode } from './collect/collect.js';
export { inventoryDocument } from './collect/inventory-document.js';
export { mergeInventories } from './collect/merge.js';
export { loadConfig } from './config/load-config.js';
export { explain } from './explain/explain.js';
export { lintCluster } from './live/lint-cluster.js';
export { formatSarif } from './report/sarif.js';
