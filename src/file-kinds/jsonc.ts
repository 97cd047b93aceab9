// JSONC, the JSON with comments and trailing commas that tsconfig.json and bun.lock are written in.

/**
 * JSON with comments and trailing commas (tsconfig's dialect, bun.lock) as plain JSON: comments and trailing commas
 * blanked out (spaces, so that offsets stay the text's), strings left whole. What JSON.parse then refuses, the tool
 * that wrote it would refuse too.
 */
export function blankJsonc(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let index = from; index < to; index++) if (out[index] !== '\n' && out[index] !== '\r') out[index] = ' ';
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') {
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      blank(index, end < 0 ? text.length : end);
      index = end < 0 ? text.length : end;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      blank(index, end < 0 ? text.length : end + 2);
      index = end < 0 ? text.length : end + 1;
    }
  }
  // A comma whose next non-blank character closes an object or an array (comments are blank by now).
  const blanked = out.join('');
  return blanked.replace(/,(?=\s*[}\]])/g, ' ');
}
