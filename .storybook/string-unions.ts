import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The exported type aliases of `directory` (recursively, tests left out) that are unions of
 * string literals, e.g. `{ DunningLevel: ['none', 'outstanding', 'overdue', 'suspended'] }`.
 *
 * custom-elements.json names an attribute's type as written (`DunningLevel`); this resolves
 * such names so the attribute gets a select with the alias's values, read from the source
 * rather than written a second time in the stories. Parsing only (no type checking): a few
 * hundred milliseconds. A name exported twice with different values is left out.
 */
export function stringUnions(directory: string): Record<string, string[]> {
  const found = new Map<string, string[] | null>();
  for (const file of typeScriptFiles(directory)) {
    const text = readFileSync(file, 'utf8');
    if (!/export\s+type\s+\w+\s*=/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const statement of source.statements) {
      if (!ts.isTypeAliasDeclaration(statement)) continue;
      if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const values = literalValues(statement.type);
      if (!values) continue;
      const name = statement.name.text;
      const known = found.get(name);
      found.set(name, known === undefined || (known && known.join('|') === values.join('|')) ? values : null);
    }
  }
  return Object.fromEntries([...found].filter((entry): entry is [string, string[]] => entry[1] !== null));
}

function literalValues(type: ts.TypeNode): string[] | undefined {
  if (!ts.isUnionTypeNode(type)) return undefined;
  const values: string[] = [];
  for (const member of type.types) {
    if (!ts.isLiteralTypeNode(member) || !ts.isStringLiteral(member.literal)) return undefined;
    values.push(member.literal.text);
  }
  return values;
}

function typeScriptFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...typeScriptFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}
