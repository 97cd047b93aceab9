// The floor: the tool's own discovery (same ignores), one readFileSync per file and one regex; prints the counts as JSON.
import { readFileSync } from 'node:fs';
import { discover } from '../dist/src/core/discover.js';

/** Every legacy name ends in one of these stems, and no identifier character may follow it. */
const LEGACY_NAME = /SUPABASE_(?:ANON|SERVICE_ROLE|SERVICE)_KEY(?![A-Za-z0-9_])/;

const root = process.argv[2] ?? process.cwd();
const { files } = await discover({ root, paths: [], ignore: [] });
let matching = 0;
for (const file of files) if (LEGACY_NAME.test(readFileSync(file.absolutePath, 'utf8'))) matching++;
console.log(JSON.stringify({ read: files.length, matching }));
