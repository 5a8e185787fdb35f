// The GitHub Action's entry point, bundled into dist/action.js (action.yml: runs.using node24).
import { runAction } from './action/run.js';

await runAction();
