// Preloaded with `node -r`: at exit, write the Node modules and the files the process loaded to $CILINT_RECORD_LOADS.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length));
  writeFileSync(process.env.CILINT_RECORD_LOADS, JSON.stringify({ builtins, files: Object.keys(require.cache) }));
});
