// `npm run bench [-- --quick]`: times migrate-keys against the floor, git grep and jscodeshift on generated trees.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RSS_METHOD, measure } from './measure.mjs';
import { machine, resultsTable, revision, targets, targetsTable, treesTable, writeBenchmarks } from './report.mjs';
import { removeSnapshot, snapshotTool } from './snapshot.mjs';
import { makeTree, removeTree, resetTree, warmTree } from './tree.mjs';
import { reader, startupVariants, treeVariants } from './variants.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const quick = process.argv.includes('--quick');
// Five runs each: the machine is shared, and a median of three still moved by 30% between full runs.
const RUNS = quick ? 1 : 5;
const TREES = quick
  ? [{ name: '1k', count: 1000, supabase: true, jscodeshift: true }]
  : [
    { name: '1k', count: 1000, supabase: true, jscodeshift: true },
    { name: '10k', count: 10000, supabase: true, jscodeshift: true },
    { name: '50k', count: 50000, supabase: true, jscodeshift: false },
    { name: '10k-no-supabase', count: 10000, supabase: false, jscodeshift: false },
    // Issue 22: an app that uses Supabase everywhere, committed and not yet committed.
    { name: 'app-10k', count: 10000, supabase: true, jscodeshift: false, shape: 'app' },
    { name: 'app-10k-untracked', count: 10000, supabase: true, jscodeshift: false, shape: 'app', committed: false },
  ];

const outDir = mkdtempSync(join(tmpdir(), 'migrate-keys-bench-out-'));
const built = revision(REPO);
const loadAtStart = loadavg()[0];
const tool = snapshotTool(REPO);
const failures = [];
const rows = [];
const trees = [];

/**
 * Times every variant `RUNS` times, round-robin so that drift in machine load spreads over all of them;
 * a generated tree (`warm`) is read once, untimed, before each run.
 */
async function bench(treeName, variants, dir, warm) {
  const results = variants.map((v) => ({ tree: treeName, id: v.id, label: v.label, walls: [], cpus: [], rss: [] }));
  let dirty = false;
  for (let run = 0; run < RUNS; run++) {
    for (const [i, v] of variants.entries()) {
      if (dirty) resetTree(dir);
      if (warm) warmTree(dir);
      dirty = Boolean(v.writes);
      const out = join(outDir, `${treeName}-${v.id}-${run}.out`);
      const [command, args, cwd] = v.cmd;
      const m = await measure(command, args, { cwd, out });
      const { error, note } = v.verify({ code: m.code, output: reader(out) });
      if (error) failures.push(`${treeName}: ${v.label}: ${error} (output in ${out})`);
      Object.assign(results[i], { note });
      results[i].walls.push(m.wall);
      results[i].cpus.push(m.cpu);
      results[i].rss.push(m.rssMb);
      process.stderr.write(`  ${treeName} ${v.label}: ${m.wall.toFixed(3)} s, ${m.rssMb.toFixed(0)} MB${error ? ` FAILED: ${error}` : ''}\n`);
    }
  }
  rows.push(...results);
}

try {
  await bench('start-up', startupVariants(tool), tool, false);
  for (const spec of TREES) {
    const tree = makeTree(spec);
    trees.push({ name: spec.name, ...tree });
    process.stderr.write(`tree ${spec.name}: ${tree.manifest.files} files, ${tree.manifest.legacyFiles} with legacy names, ` +
      `generated in ${tree.generateS.toFixed(1)} s, committed in ${tree.commitS.toFixed(1)} s\n`);
    try {
      await bench(spec.name, treeVariants(tree, spec, tool), tree.dir, true);
    } finally {
      removeTree(tree.dir);
    }
  }
} finally {
  removeSnapshot(tool);
}

const measuredTargets = targets(rows);
const section = [
  `## Results of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Machine: ${machine()}; load average (1 min) ${loadAtStart.toFixed(1)} when the run started, ` +
    `${loadavg()[0].toFixed(1)} when it ended. migrate-keys at ${built}, its \`dist/\` copied aside when the run started. ${RUNS === 1 ? 'One run' : `Median of ${RUNS} runs`} per variant, ` +
    'variants interleaved run by run, the tree read once (untimed) before each run. ' +
    `Wall time is measured around the spawned process; peak RSS with ${RSS_METHOD}. ` +
    'jscodeshift runs on the 1k and 10k trees only; it reads only code files (no `.env*`, no Markdown).',
  '',
  treesTable(trees),
  '',
  resultsTable(rows),
  '',
  '### Targets (issue 22)',
  '',
  targetsTable(measuredTargets),
].join('\n');
process.stdout.write(`${section}\n`);
if (failures.length > 0) {
  process.stderr.write(`\nbench: ${failures.length} run(s) failed:\n${failures.map((f) => `  ${f}\n`).join('')}`);
  process.exitCode = 1;
} else {
  rmSync(outDir, { recursive: true, force: true });
  if (!quick) writeBenchmarks(join(REPO, 'BENCHMARKS.md'), section);
  process.stderr.write(quick ? 'bench: --quick: BENCHMARKS.md left as it is\n' : 'bench: BENCHMARKS.md updated\n');
}
