// The dependency rules `npm test` holds the code to (dependency-cruiser): no cycles, and every arrow
// points down the pipeline — cli -> commands -> core -> rules, outside, reporters -> file kinds,
// frameworks, keys and the shared foundation, never back (docs/architecture.md).

/** Core's foundation: shared types, positions, control characters, library loaders, text hints. Imports nothing above it. */
const CORE_FOUNDATION = 'src/core/(types|words|positions|printable|libraries|typescript|compile-cache|version|hints)\\.ts$';
/** What every layer may use: the foundation, file kinds, frameworks, keys, Supabase's paths, rule ids. */
const BELOW = `^(${CORE_FOUNDATION}|src/(file-kinds|frameworks|keys)/|src/supabase/paths\\.ts$|src/rules/ids\\.ts$)`;
/** The analyses the pipeline runs: rules, what lies outside the repository, the Edge Function model. */
const ANALYSES = '^src/(rules|outside|supabase/(edge|database))/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle makes every module of it load the others (and the scan workers load far more than they need).', from: {}, to: { circular: true } },
    { name: 'cli-is-the-top', severity: 'error', comment: 'Only bin/ runs the CLI; nothing below imports its wiring.', from: { path: '^src/', pathNot: '^src/cli\\.ts$' }, to: { path: '^src/cli\\.ts$' } },
    { name: 'commands-below-the-cli-only', severity: 'error', comment: 'A command is wired by cli.ts; the pipeline never calls back into one.', from: { path: '^src/', pathNot: '^src/(cli\\.ts|commands/)' }, to: { path: '^src/commands/' } },
    { name: 'foundation-is-the-bottom', severity: 'error', comment: 'File kinds, frameworks, keys and the shared types know nothing of the pipeline, the rules or the commands.', from: { path: BELOW }, to: { path: '^src/', pathNot: BELOW } },
    { name: 'analyses-do-not-run-the-pipeline', severity: 'error', comment: 'A rule or an analysis receives scanned files: it does not discover, read, scan, write, report or call the API.', from: { path: ANALYSES }, to: { path: '^src/(core/|reporters/|commands/|supabase/management/)', pathNot: `${CORE_FOUNDATION}|^src/core/suppressions\\.ts$` } },
    { name: 'reporters-only-read-the-result', severity: 'error', comment: 'A reporter turns a run result into text (it may name the result\'s types): it never runs the pipeline, writes, or calls the API.', from: { path: '^src/reporters/' }, to: { path: '^src/core/(plan|scan|discover|read|apply|pool|worker)\\.ts$|^src/(supabase/management|commands)/', dependencyTypesNot: ['type-only'] } },
    { name: 'workers-stay-small', severity: 'error', comment: 'A scan worker loads the scanner only: not the rules, reporters, writer or API client.', from: { path: '^src/core/(worker|pool)\\.ts$' }, to: { path: '^src/(rules/(?!ids\\.ts)|reporters/|commands/|supabase/management/)|^src/core/apply\\.ts$' } },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
