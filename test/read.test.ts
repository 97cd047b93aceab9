// Reading files: the fast UTF-8 read, the byte checks it falls back to, and the files read before
// the repository is known to use Supabase.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { namePattern } from '../src/keys/names.js';
import { plan } from '../src/core/plan.js';
import { MAX_FILE_BYTES, readSource, type Skipped } from '../src/core/read.js';
import { removeTempDirs, tempDir, writeTree } from './helpers/repo.js';

afterAll(removeTempDirs);

const names = { pattern: namePattern({}), literals: ['SUPABASE_'] };
const LINE = 'const key = process.env.SUPABASE_ANON_KEY;\n';

function read(bytes: Buffer): { result: ReturnType<typeof readSource>; skipped: Skipped } {
  const path = join(tempDir(), 'file.ts');
  writeFileSync(path, bytes);
  const skipped: Skipped = { ignored: 0, symlink: 0, binary: 0, large: 0, encoding: 0 };
  return { result: readSource({ path: 'file.ts', absolutePath: path }, skipped, names), skipped };
}

describe('readSource', () => {
  it('reads UTF-8 as it is: a BOM, a U+FFFD written on purpose, a NUL past the sniff window', () => {
    for (const text of [`\uFEFF${LINE}`, `// \uFFFD marks a bad byte\n${LINE}`, `${'x'.repeat(9000)}\0\n${LINE}`, `// café ✓ 𝄞\n${LINE}`]) {
      const { result, skipped } = read(Buffer.from(text, 'utf8'));
      expect(result).toEqual({ text });
      expect(Buffer.from(result.text as string, 'utf8')).toEqual(Buffer.from(text, 'utf8'));
      expect(Object.values(skipped).every((count) => count === 0)).toBe(true);
    }
  });

  it('skips invalid UTF-8, binary and over-large files, and reports the legacy names in them', () => {
    const latin1 = read(Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${LINE}`)]));
    expect(latin1.skipped.encoding).toBe(1);
    expect(latin1.result.text).toBeUndefined();
    expect(latin1.result.finding?.message).toMatch(/mentions SUPABASE_ANON_KEY but is not UTF-8/);

    const binary = read(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(LINE)]));
    expect(binary.skipped.binary).toBe(1);
    expect(binary.result.finding?.message).toMatch(/binary or UTF-16/);

    const large = read(Buffer.from(`${LINE}${'/'.repeat(MAX_FILE_BYTES)}\n`));
    expect(large.skipped.large).toBe(1);
    expect(large.result.finding?.message).toMatch(/larger than 4 MiB/);

    // Near the limit in characters, under it in bytes: read as text.
    const near = `${LINE}${'/'.repeat(MAX_FILE_BYTES - LINE.length - 1)}\n`;
    expect(read(Buffer.from(near)).result.text).toBe(near);

    const plain = read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    expect(plain.result).toEqual({});
  });
});

describe('files read before the repository is known to use Supabase', () => {
  it('are read again and followed: a Bearer header in the first file, the key in the last', async () => {
    // Discovery order puts a/ first; nothing in a/ names Supabase.
    const root = writeTree({
      'a/api.ts': "import { key } from '../z/config';\nexport const headers = { Authorization: `Bearer ${key}` };\n",
      'z/config.ts': 'export const key = process.env.SUPABASE_ANON_KEY;\n',
    });
    const planned = await plan({ root, paths: [], ignore: [], map: {} });
    expect(planned.findings.map((f) => [f.ruleId, f.file])).toEqual(
      expect.arrayContaining([
        ['bearer-api-key', 'a/api.ts'],
        ['legacy-env-name', 'z/config.ts'],
      ]),
    );
    expect(planned.filesReadAgain).toBe(1);
  });

  it('are not read again, nor their generic hints followed, in a repository that does not use Supabase', async () => {
    const root = writeTree({ 'a/api.ts': 'export const headers = (token: string) => ({ Authorization: `Bearer ${token}` });\n' });
    const planned = await plan({ root, paths: [], ignore: [], map: {} });
    expect(planned.findings).toEqual([]);
    expect(planned.filesScanned).toBe(1);
    expect(planned.filesReadAgain).toBe(0);
  });
});
