// The source kind: other languages' source and build files, their names searched as text — Go; the mobile platforms'
// (issue 23): Dart (Flutter), Swift with Xcode's build settings (`.xcconfig`), property lists (`Info.plist`: `$(NAME)`)
// and schemes (`.xcscheme`: a run's environment variables), Kotlin and Java with Gradle's build scripts (Groovy and
// Kotlin DSL: `buildConfigField("String", "NAME", …)` → `BuildConfig.NAME`). A key name is one token in all of them, so
// each link of a chain (a define or a build setting, the config that passes it on, the code that reads it) is renamed
// with the others.
import { withoutTemplateSuffix } from './env.js';
import type { KindModule } from './kind.js';

const SOURCE_EXTENSIONS = new Set(['.go', '.dart', '.swift', '.xcconfig', '.plist', '.xcscheme', '.kt', '.kts', '.java', '.gradle']);

/** The languages whose code ships inside an app on a user's device: a key read there is in the app binary. */
const APP_EXTENSIONS = new Set(['.dart', '.swift', '.xcconfig', '.plist', '.xcscheme', '.kt', '.kts', '.java', '.gradle']);

/**
 * The extension a file has once a template suffix is removed (`Secrets.xcconfig.example` → `.xcconfig`: the real
 * Secrets.xcconfig is not committed).
 */
function sourceExtension(basename: string, extension: string): string {
  const bare = withoutTemplateSuffix(basename);
  if (bare === basename) return extension;
  const dot = bare.lastIndexOf('.');
  return dot <= 0 ? '' : bare.slice(dot).toLowerCase();
}

export const sourceKind: KindModule<'source'> = {
  kind: 'source',
  docs: {
    files: 'Go; Dart (Flutter); Swift, `.xcconfig`, `Info.plist`, `.xcscheme` (iOS); Kotlin, Java, Gradle scripts (Android)',
    changes: "every link of a key's chain: a define or build setting, the config that passes it on (`$(X)`, `buildConfigField`), the code that reads it (`String.fromEnvironment`, `BuildConfig.X`); Flutter's `anonKey:` → `publishableKey:` (sdk-key-parameter)",
  },
  matches: ({ basename, extension }) => SOURCE_EXTENSIONS.has(sourceExtension(basename, extension)),
  searchesNames: true,
};

/** Whether a source file belongs to a mobile app (Flutter, iOS, Android) rather than a server or a script (Go). */
export function isAppSource(path: string): boolean {
  const basename = path.slice(path.lastIndexOf('/') + 1);
  const dot = basename.lastIndexOf('.');
  return dot > 0 && APP_EXTENSIONS.has(sourceExtension(basename, basename.slice(dot).toLowerCase()));
}
