import type { CompiledMessage, MessageNode } from './types.js';

const parsed = new Map<string, CompiledMessage>();

/**
 * Parses the ICU MessageFormat subset the catalogs use: literal text, `{name}`,
 * `{name, plural, =0 {…} one {…} other {…}}` with `#`, and `'` quoting. Throws on anything else.
 */
export function parse(source: string): CompiledMessage {
  let cached = parsed.get(source);
  if (cached) return cached;
  let i = 0;
  const nodes = (inPlural: boolean): MessageNode[] => {
    const out: MessageNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (i < source.length) {
      const c = source[i]!;
      if (c === '}') break;
      if (c === '#' && inPlural) {
        flush();
        out.push(0);
        i++;
      } else if (c === "'" && source[i + 1] === "'") {
        text += "'";
        i += 2;
      } else if (c === "'" && /[{}#]/.test(source[i + 1] ?? '')) {
        const end = source.indexOf("'", i + 1);
        text += source.slice(i + 1, end < 0 ? source.length : end);
        i = end < 0 ? source.length : end + 1;
      } else if (c === '{') {
        flush();
        const close = /^\{\s*(\w+)\s*(?:,\s*plural\s*,)?\s*/.exec(source.slice(i));
        if (!close) throw new SyntaxError(`Bad placeholder at ${i} in: ${source}`);
        i += close[0].length;
        const name = close[1]!;
        if (!close[0].includes('plural')) {
          if (source[i] !== '}') throw new SyntaxError(`Expected } at ${i} in: ${source}`);
          i++;
          out.push([name]);
          continue;
        }
        const branches: Record<string, CompiledMessage> = {};
        for (;;) {
          const key = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(source.slice(i));
          if (!key) break;
          i += key[0].length;
          const branch = nodes(true);
          if (source[i] !== '}') throw new SyntaxError(`Unclosed branch in: ${source}`);
          i++;
          branches[key[1]!] = simplify(branch);
        }
        i += /^\s*/.exec(source.slice(i))![0].length;
        if (source[i] !== '}' || !('other' in branches)) throw new SyntaxError(`Bad plural (needs other) in: ${source}`);
        i++;
        out.push([name, branches]);
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return out;
  };
  const result = nodes(false);
  if (i < source.length) throw new SyntaxError(`Unexpected } at ${i} in: ${source}`);
  cached = simplify(result);
  parsed.set(source, cached);
  return cached;
}

function simplify(nodes: MessageNode[]): CompiledMessage {
  return nodes.length === 0 ? '' : nodes.length === 1 && typeof nodes[0] === 'string' ? nodes[0] : nodes;
}

