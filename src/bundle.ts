// What the CLI's one bundle (dist/cilint-<hash>.cjs) gives its launchers, dist/cli.js and dist/lint-worker.js.
export { main } from './main.js';
export { answerLintRequest } from './threads/lint-worker.js';
