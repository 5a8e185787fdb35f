// Loaded with node --require by bench/run.mjs: write this process's peak RSS (KiB) where CILINT_BENCH_RSS says.
const file = process.env.CILINT_BENCH_RSS;
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)));
