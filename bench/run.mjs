// npm run bench: cilint's speed and memory against Node's own start-up and against Spectral, interleaved, medians.
// Writes bench/results.md and prints it. Absolute times vary between machines, so most targets are ratios.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bench = join(root, 'bench');
const cli = join(root, 'dist', 'cli.cjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

if (!existsSync(cli)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
// Spectral is the bench's own dependency (bench/package.json), installed on first use.
if (!existsSync(join(bench, 'node_modules', '.bin', 'spectral'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: bench, stdio: 'inherit' });
}

const work = mkdtempSync(join(tmpdir(), 'cilint-bench-'));
const values = readFileSync(join(bench, 'fixtures', 'values.yaml'), 'utf8');

/** A 50-node inventory: three kernel generations and two drivers, as a mixed fleet has. */
function inventory(count) {
  const kernels = ['6.1.0-18-amd64', '5.15.0-91-generic', '5.10.205-195.807.amzn2.x86_64'];
  const lines = ['nodes:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - name: node-${i}`, `    kernel: ${kernels[i % 3]}`, '    arch: amd64', '    interfaces:', `      - { name: eth0, driver: ${i % 2 ? 'mlx5_core' : 'ixgbe'}, mtu: 9000 }`);
  }
  return `${lines.join('\n')}\n`;
}
const nodes = join(work, 'nodes.yaml');
writeFileSync(nodes, inventory(50));

function valuesFiles(count) {
  const dir = join(work, `values-${count}`);
  mkdirSync(dir);
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `values-${i}.yaml`);
    writeFileSync(file, values.replace('prod-eu-west-1', `cluster-${i}`));
    files.push(file);
  }
  return { dir, files };
}
const one = join(work, 'values.yaml');
writeFileSync(one, values);
const thousand = valuesFiles(1000);
const tenThousand = valuesFiles(10000);
const spectral = join(bench, 'node_modules', '.bin', 'spectral');
const ruleset = join(bench, 'spectral', 'ruleset.yaml');
const maxRss = join(bench, 'max-rss.cjs');

/** One timed run; peak RSS (KiB) comes from the child itself through bench/max-rss.cjs. */
function runOnce(command) {
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync(command.cmd, command.args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', CILINT_BENCH_RSS: rssFile, NODE_OPTIONS: command.node ? `--require ${maxRss}` : '' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status === null || run.status > command.maxStatus) throw new Error(`${command.name} failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
  return { seconds, rss };
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Run the commands in turn, round after round, so that machine noise falls on all of them alike. */
function interleave(commands, rounds) {
  const samples = new Map(commands.map((command) => [command.name, []]));
  for (let round = 0; round < rounds; round++) for (const command of commands) samples.get(command.name).push(runOnce(command));
  return new Map([...samples].map(([name, runs]) => [name, { seconds: median(runs.map((r) => r.seconds)), rss: Math.max(...runs.map((r) => r.rss ?? 0)) }]));
}

const node = (name, args, maxStatus = 1) => ({ name, cmd: process.execPath, args, maxStatus, node: true });
const results = [];

console.error('cold start…');
const cold = interleave([node('node -e 0', ['-e', '0'], 0), node('cilint, 1 file + 50 nodes', [cli, 'lint', one, '--nodes', nodes, '--cilium-version', '1.16'])], ROUNDS);
const floor = cold.get('node -e 0').seconds;
const single = cold.get('cilint, 1 file + 50 nodes').seconds;
results.push(['one ~80-line values file + 50-node inventory, full rule set, cold process', `${ms(single)} vs ${ms(floor)} for node -e 0: ${(single / floor).toFixed(2)}×`, '≤ 1.5× node -e 0', single / floor <= 1.5]);

console.error('1,000 and 10,000 files…');
const many = interleave([node('cilint 1000', [cli, 'lint', ...thousand.files, '--format', 'json']), node('cilint 10000', [cli, 'lint', ...tenThousand.files, '--format', 'json'])], Math.max(3, Math.round(ROUNDS / 5)));
const k1 = many.get('cilint 1000');
const k10 = many.get('cilint 10000');
results.push(['1,000 values files in one invocation', `${ms(k1.seconds)}`, '≤ 1.5 s', k1.seconds <= 1.5]);
results.push(['10,000 values files in one invocation', `${ms(k10.seconds)}, peak RSS ${mb(k10.rss)}`, '≤ 10 s, ≤ 200 MB', k10.seconds <= 10 && k10.rss / 1024 <= 200]);

console.error('Spectral…');
const spectralRuns = interleave(
  [
    { name: 'spectral 1', cmd: spectral, args: ['lint', '-r', ruleset, '-f', 'json', '-q', one], maxStatus: 1 },
    node('cilint 1 (5 rules)', [cli, 'lint', one, '--format', 'json']),
    { name: 'spectral 1000', cmd: spectral, args: ['lint', '-r', ruleset, '-f', 'json', '-q', join(thousand.dir, '*.yaml')], maxStatus: 1 },
    node('cilint 1000 (all rules)', [cli, 'lint', ...thousand.files, '--format', 'json']),
  ],
  Math.max(3, Math.round(ROUNDS / 5)),
);
const s1 = spectralRuns.get('spectral 1').seconds;
const c1 = spectralRuns.get('cilint 1 (5 rules)').seconds;
const s1k = spectralRuns.get('spectral 1000').seconds;
const c1k = spectralRuns.get('cilint 1000 (all rules)').seconds;
results.push(['the 5 checks of bench/spectral/ruleset.yaml, 1 file (cilint runs all its rules)', `cilint ${ms(c1)}, Spectral ${ms(s1)}: ${(s1 / c1).toFixed(1)}× faster`, '—', true]);
results.push(['the same, 1,000 files', `cilint ${ms(c1k)}, Spectral ${ms(s1k)}: ${(s1k / c1k).toFixed(1)}× faster`, 'cilint ≥ 10× faster', s1k / c1k >= 10]);

const live = join(root, 'bench', 'live.mjs');
if (existsSync(live)) {
  console.error('live mode…');
  const { liveBench } = await import(live);
  results.push(await liveBench({ cli, ms }));
}

rmSync(work, { recursive: true, force: true });

function ms(seconds) {
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`;
}
function mb(kib) {
  return `${Math.round(kib / 1024)} MB`;
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const table = [
  '# cilint benchmark',
  '',
  `Measured by \`npm run bench\` on ${machine}; medians of interleaved runs (${ROUNDS} rounds for the cold start).`,
  '',
  '| measure | result | target | met |',
  '|---|---|---|---|',
  ...results.map(([measure, result, target, met]) => `| ${measure} | ${result} | ${target} | ${met ? 'yes' : '**no**'} |`),
  '',
].join('\n');
writeFileSync(join(bench, 'results.md'), table);
console.log(table);
