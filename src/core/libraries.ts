// Libraries loaded on first use: a run pays for each only when a file needs it (YAML with a key name,
// a .env file, supabase/config.toml, a lockfile or .NET project that names a Supabase SDK), and a repository without candidates loads none of them.
import { createRequire } from 'node:module';
import type * as YarnLockfile from '@yarnpkg/lockfile';
import type * as Dotenv from 'dotenv';
import type * as FastXmlParser from 'fast-xml-parser';
import type * as TomlParser from 'toml-eslint-parser';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

function load<T>(name: string): T {
  if (!loaded.has(name)) loaded.set(name, require(name));
  return loaded.get(name) as T;
}

export const loadYaml = (): typeof Yaml => load('yaml');
export const loadDotenv = (): typeof Dotenv => load('dotenv');
export const loadTomlParser = (): typeof TomlParser => load('toml-eslint-parser');
export const loadYarnLockfile = (): typeof YarnLockfile => load('@yarnpkg/lockfile');
export const loadXmlParser = (): typeof FastXmlParser => load('fast-xml-parser');
