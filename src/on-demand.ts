// What linting files does not need, in one module for the CLI to import when a command or flag asks for it.
// In the CLI's bundle a dynamic import becomes a module initialised on first use, so none of this runs at a
// start that does not need it (src/launch/load-bundle.ts).
export { collectNode } from './collect/collect.js';
export { inventoryDocument } from './collect/inventory-document.js';
export { mergeInventories } from './collect/merge.js';
export { loadConfig } from './config/load-config.js';
export { explain } from './explain/explain.js';
export { lintCluster } from './live/lint-cluster.js';
export { formatSarif } from './report/sarif.js';
