// The import aliases a repository configures (src/frameworks/aliases.ts), as bearer-api-key and the browser model follow them.
import { describe, expect, it } from 'vitest';
import { aliasedPaths, aliasesOf } from '../src/frameworks/aliases.js';

describe('aliasesOf', () => {
  it('reads tsconfig paths and baseUrl through comments and trailing commas, keeping "/*" inside strings', () => {
    const aliases = aliasesOf(
      'apps/web/tsconfig.json',
      '{\n  /* the app */\n  "compilerOptions": {\n    "baseUrl": "./",\n    // aliases\n    "paths": { "@/*": ["./src/*"], "@env": ["./src/env.ts"], },\n  },\n}\n',
    );
    expect(aliasedPaths('apps/web/src/a/b.ts', '@/lib/keys', aliases)).toEqual(['apps/web/src/lib/keys']);
    expect(aliasedPaths('apps/web/src/a/b.ts', '@env', aliases)).toEqual(['apps/web/src/env.ts']);
    // baseUrl: a bare specifier may name a module below it, after the paths.
    expect(aliasedPaths('apps/web/src/a/b.ts', 'lib/keys', aliases)).toEqual(['apps/web/lib/keys']);
    // Only for modules below the config.
    expect(aliasedPaths('apps/api/src/x.ts', '@/lib/keys', aliases)).toEqual([]);
  });

  it('reads Vite resolve.alias in object and array form', () => {
    const object = aliasesOf(
      'vite.config.ts',
      "export default defineConfig({ resolve: { alias: { '@': path.resolve(__dirname, './src'), '#shared': fileURLToPath(new URL('./shared', import.meta.url)), '~assets': '/src/assets' } } })\n",
    );
    expect(aliasedPaths('src/a.ts', '@/lib/keys', object)).toEqual(['src/lib/keys']);
    expect(aliasedPaths('src/a.ts', '#shared/supabase', object)).toEqual(['shared/supabase']);
    expect(aliasedPaths('src/a.ts', '~assets/x', object)).toEqual(['src/assets/x']);
    // `@` takes `@/…`, not a scoped package.
    expect(aliasedPaths('src/a.ts', '@supabase/supabase-js', object)).toEqual([]);
    const array = aliasesOf('web/vite.config.js', "export default { resolve: { alias: [{ find: '@', replacement: resolve(__dirname, 'src') }] } }\n");
    expect(aliasedPaths('web/src/a.ts', '@/keys', array)).toEqual(['web/src/keys']);
  });

  it('ignores what is not a config or does not parse', () => {
    expect(aliasesOf('src/tsconfig.ts', 'export const paths = {}')).toEqual([]);
    expect(aliasesOf('tsconfig.json', '{ "compilerOptions": ')).toEqual([]);
  });
});
