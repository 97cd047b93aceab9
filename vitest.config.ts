// Test runner configuration: e2e tests spawn the built CLI, so they get generous timeouts.
import { defineConfig } from 'vitest/config';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * The default reporter counts skipped suites but does not name them; a suite skipped on purpose
 * (the browser suite on a machine without Chromium) says why in its name, so the summary lists it.
 */
const skippedSuites: Reporter = {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    for (const module of modules) {
      for (const suite of module.children.allSuites()) {
        if (suite.state() === 'skipped' && suite.options.mode === 'skip') {
          process.stdout.write(` Skipped  ${module.moduleId.split('/test/').pop() ?? module.moduleId} > ${suite.name}\n`);
        }
      }
    }
  },
};

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture repositories hold test files of their own (Deno tests of Edge Functions): they are data.
    exclude: ['test/fixtures/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', skippedSuites],
  },
});
