// Docker: build arguments (`ARG X` in a Dockerfile, `--build-arg X` in scripts and CI) are passed in from outside.
import type { OutsideReference } from './reference.js';
import { lineAt } from '../core/positions.js';
import { describeName, keyAction, type OutsideFinder } from './finder.js';

const DOCKERFILE_ARG = /^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)/gm;
const DOCKER_BUILD = 'Docker build arguments (the docker build that passes them: CI or hosting)';
const BUILD_ARG = /--build-arg[\s=]+["']?([A-Za-z_][A-Za-z0-9_]*)/g;

export const dockerBuildArgs: OutsideFinder = (file) => {
  const pattern = file.kind === 'dockerfile' ? DOCKERFILE_ARG : file.kind === 'yaml' || file.kind === 'commands' ? BUILD_ARG : undefined;
  if (!pattern) return [];
  const found: OutsideReference[] = [];
  for (const match of file.text.matchAll(pattern)) {
    const name = match[1] as string;
    const described = describeName(name);
    if (!described) continue;
    found.push({
      kind: 'docker-build-arg',
      name,
      ...(described.newName && { newName: described.newName }),
      file: file.path,
      line: lineAt(file.text, match.index as number),
      place: DOCKER_BUILD,
      action: keyAction(DOCKER_BUILD, name, described),
    });
  }
  return found;
};
