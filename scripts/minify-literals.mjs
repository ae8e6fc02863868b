// Minifies the static text of Lit's tagged templates in a module's source, the same way for the
// published build (scripts/build.mjs, over dist/*.js) and for the size report (scripts/size.mjs,
// over src/*.ts), so the report measures exactly what hosts receive.
//
// - css`…` without `${}`: esbuild's CSS minifier.
// - html`…` and svg`…`: every run of whitespace in the static parts becomes one space, or only
//   its line breaks when it has some. Under `white-space: normal` (the elements use no `pre`,
//   `textarea` or pre-formatted styles in their templates) that renders exactly as before.
//
// Line breaks are kept (css: appended after the rule text), so the line numbers tsc's source
// maps point at stay right. Templates are found with TypeScript's parser, never by regular
// expression; a part with a backslash followed by whitespace is left alone.
import { transform } from 'esbuild';
import ts from 'typescript';

const TAGS = new Set(['html', 'svg', 'css']);

const newlinesOf = (text) => text.replace(/[^\n]/g, '');

/** `code` with its Lit templates' static text minified. `fileName` picks TypeScript or JavaScript parsing. */
export async function minifyLiterals(code, fileName) {
  if (!/\b(?:html|css|svg)\s*`/.test(code)) return code;
  const kind = /\.[cm]?tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  /** @type {{ start: number, end: number, text: string | Promise<string> }[]} */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const tag = node.tag.text;
      const template = node.template;
      // Each static part, as [start, end) of the raw text between its delimiters.
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [[template.getStart() + 1, template.end - 1]]
        : [
            [template.head.getStart() + 1, template.head.end - 2],
            ...template.templateSpans.map((span) => [span.literal.getStart() + 1, span.literal.end - (ts.isTemplateTail(span.literal) ? 1 : 2)]),
          ];
      if (tag === 'css') {
        if (parts.length === 1) {
          const [start, end] = parts[0];
          const raw = code.slice(start, end);
          if (!raw.includes('\\') && !raw.includes('`')) edits.push({ start, end, text: minifyCss(raw) });
        }
      } else {
        for (const [start, end] of parts) {
          const raw = code.slice(start, end);
          if (/\\\s/.test(raw)) continue;
          edits.push({ start, end, text: raw.replace(/\s+/g, (run) => newlinesOf(run) || ' ') });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return code;
  const texts = await Promise.all(edits.map((edit) => edit.text));
  let out = '';
  let at = 0;
  edits
    .map((edit, i) => ({ ...edit, text: texts[i] }))
    .sort((a, b) => a.start - b.start)
    .forEach((edit) => {
      out += code.slice(at, edit.start) + edit.text;
      at = edit.end;
    });
  return out + code.slice(at);
}

async function minifyCss(raw) {
  const { code } = await transform(raw, { loader: 'css', minify: true, logLevel: 'silent' });
  return code.trim() + newlinesOf(raw);
}

/** An esbuild plugin applying `minifyLiterals` to the project's own sources (what size.mjs bundles). */
export function minifyLiteralsPlugin() {
  return {
    name: 'minify-lit-literals',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const code = await readFile(args.path, 'utf8');
        return { contents: await minifyLiterals(code, args.path), loader: 'ts' };
      });
    },
  };
}
