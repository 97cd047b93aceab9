// Whether a pattern matches a module's code and not only its comments: a `// TODO: call auth.signIn…` or a
// `/* check the 'apikey' header */` is a note about the call, not the call. Decided by the script's syntax tree
// (parse.ts), parsed only when the pattern matches somewhere, so the files that never mention the call cost one
// regular expression.
import type { ts as TS } from 'ts-morph';
import { typescript } from '../core/typescript.js';
import { htmlComments, scriptsIn } from './markup.js';
import { Scripts } from './parse.js';


/**
 * Whether `pattern` matches `text` (a code or markup module at `path`) somewhere outside a comment: in a script,
 * outside its comments; in a component's markup, outside its HTML comments (a template's event handler is code).
 * `scripts`: the file's own parsed scripts when the caller has them, so that no script is parsed twice.
 */
export function matchesOutsideComments(path: string, text: string, pattern: RegExp, scripts?: Scripts): boolean {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const offsets = [...text.matchAll(new RegExp(pattern.source, flags))].map((match) => match.index as number);
  if (offsets.length === 0) return false;
  const inComments = commentTest(path, text, scripts);
  return offsets.some((offset) => !inComments(offset));
}

/**
 * A test of offsets of `text` (a code or markup module at `path`): whether each lies in a comment (a script's, or a
 * component's HTML comment). The scripts are parsed on the first offset asked.
 */
export function commentTest(path: string, text: string, scripts?: Scripts): (offset: number) => boolean {
  const regions = scriptsIn(path, text);
  const trees = scripts ?? new Scripts(path, text);
  // Only a component has text outside its scripts: its markup, where HTML comments are the comments.
  let comments: { start: number; end: number }[] | undefined;
  return (offset) => {
    const region = regions.find((r) => offset >= r.start && offset < r.end);
    if (!region) {
      comments ??= htmlComments(text);
      return comments.some((comment) => offset >= comment.start && offset < comment.end);
    }
    return inComment(trees.parse(region).sourceFile, offset - region.start);
  };
}

/**
 * Whether an offset of a script lies in a comment: down the tree of tokens to the one whose range, leading trivia
 * included, holds it; before that token starts is trivia (a comment, since no match starts on a blank). A JSDoc
 * block, which the tree keeps as nodes, is a comment too.
 */
function inComment(sourceFile: TS.SourceFile, offset: number): boolean {
  const ts = typescript();
  let node: TS.Node = sourceFile;
  for (;;) {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return true;
    const child = node.getChildren(sourceFile).find((c) => offset >= c.getFullStart() && offset < c.getEnd());
    if (!child) return offset < node.getStart(sourceFile);
    node = child;
  }
}
