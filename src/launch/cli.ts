// dist/cli.cjs, the `cilint` binary: run the CLI from its bundle, then save a code cache if it had none.
import { loadBundle } from './load-bundle.js';

const bundle = loadBundle();
void bundle.exports.main().then(bundle.saveCodeCache);
