// What the CLI's one bundle (dist/cilint-<hash>.cjs) gives its launchers, dist/cli.cjs and dist/lint-worker.cjs.
export { main } from './main.js';
export { answerLintRequest } from './threads/lint-worker.js';
