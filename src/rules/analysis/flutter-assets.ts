// The files a Flutter app bundles (issue 23): pubspec.yaml's `flutter: assets:` entries, a file or a folder (every file
// directly in it), relative to the pubspec. flutter_dotenv loads its `.env` from there, so a key in such a file ships
// inside the app, on every user's device.
import { loadYaml } from '../../core/libraries.js';
import type { ScannedFile } from '../../file-kinds/scanned.js';
import { isRecord } from '../../core/words.js';
import { isPubspec } from '../../file-kinds/yaml.js';

export interface FlutterAssets {
  /** The pubspec.yaml that bundles the file at `path` into its app; undefined for a file no app bundles. */
  bundledBy(path: string): string | undefined;
}

export function flutterAssets(scanned: readonly Pick<ScannedFile, 'path' | 'kind' | 'text'>[]): FlutterAssets {
  const entries: { pubspec: string; asset: string }[] = [];
  for (const file of scanned) {
    if (file.kind !== 'yaml' || !isPubspec(file.path) || !file.text.includes('assets')) continue;
    const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
    for (const asset of assetsOf(file.text)) entries.push({ pubspec: file.path, asset: folder + asset.replace(/^\.\//, '') });
  }
  return {
    bundledBy(path) {
      // A folder entry (`assets/`) bundles the files directly in it, not those of its subfolders.
      return entries.find(({ asset }) => (asset.endsWith('/') ? path.startsWith(asset) && !path.slice(asset.length).includes('/') : path === asset))?.pubspec;
    },
  };
}

/** The asset paths of a pubspec: `- .env`, or `- path: .env` with a flavor (Flutter 3.19). */
function assetsOf(text: string): string[] {
  let document: unknown;
  try {
    document = loadYaml().parse(text);
  } catch {
    return [];
  }
  const flutter = isRecord(document) ? document.flutter : undefined;
  const assets = isRecord(flutter) ? flutter.assets : undefined;
  if (!Array.isArray(assets)) return [];
  return assets.flatMap((entry: unknown) => (typeof entry === 'string' ? [entry] : isRecord(entry) && typeof entry.path === 'string' ? [entry.path] : []));
}
