// The dependency rules `npm test` holds the code to (dependency-cruiser): no cycles, and every arrow
// points down the pipeline — commands -> pipeline -> rules and analyses -> vocabulary, never back.
/** The vocabulary every layer may use: it imports none of the layers above it. */
const VOCABULARY = '^src/(types|keys|mask|printable|positions|locations|file-kinds|rules/ids)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle makes every module of it load the others (and the scan workers load far more than they need).', from: {}, to: { circular: true } },
    { name: 'cli-is-the-top', severity: 'error', comment: 'Only bin/ runs the CLI; nothing below imports its wiring.', from: { path: '^src/', pathNot: '^src/cli\\.ts$' }, to: { path: '^src/cli\\.ts$' } },
    { name: 'vocabulary-is-the-bottom', severity: 'error', comment: 'Names, key values, masking, positions and the shared types import nothing from the pipeline.', from: { path: VOCABULARY }, to: { path: '^src/', pathNot: VOCABULARY } },
    { name: 'rules-do-not-report-or-write', severity: 'error', comment: 'A rule returns findings and edits; reporters, the writer and the commands come after it.', from: { path: '^src/(rules|security|edge|bearer|outside)/' }, to: { path: '^src/(reporters/|apply\\.ts|management/|commands/)' } },
    { name: 'reporters-only-read-the-result', severity: 'error', comment: 'A reporter turns a run result into text (it may name the result\'s types): it never runs the pipeline, writes, or calls the API.', from: { path: '^src/reporters/' }, to: { path: '^src/(plan|scan|discover|read|apply)\\.ts$|^src/management/', dependencyTypesNot: ['type-only'] } },
    { name: 'workers-stay-small', severity: 'error', comment: 'A scan worker loads the scanner only: not the rules, reporters, writer or API client.', from: { path: '^src/workers/' }, to: { path: '^src/(rules/(?!ids\\.ts)|reporters/|management/|apply\\.ts)' } },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
