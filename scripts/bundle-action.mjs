// Bundle the GitHub Action into one self-contained file, dist/action.js (committed), or the path given.
// The output is the same bytes on every machine with the same lockfile: paths are relative to the repository,
// nothing depends on time or environment. test/e2e/action-bundle.test.ts rebuilds it to compare.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(process.argv[2] ?? join(root, 'dist', 'action.js'));

// The CLI requires the yaml library from node_modules the first time a file needs it (src/inputs/yaml-library.ts).
// The Action runs from its repository, which has no node_modules: its bundle imports the library instead.
const bundledYamlLibrary = {
  name: 'bundled-yaml-library',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]inputs[\\/]yaml-library\.ts$/ }, (args) => ({
      contents: "import * as library from 'yaml';\nexport const yamlLibrary = () => library;\n",
      loader: 'ts',
      resolveDir: dirname(args.path),
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'src', 'action.ts')],
  outfile,
  bundle: true,
  // One file: the runner executes only `main`, and dist/ holds nothing else that is committed.
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  // Bundled CommonJS (the validators) may call require(); give ESM output one.
  banner: { js: "import { createRequire as __cilintRequire } from 'node:module';\nconst require = __cilintRequire(import.meta.url);" },
  plugins: [bundledYamlLibrary],
  legalComments: 'eof',
  logLevel: 'warning',
});
