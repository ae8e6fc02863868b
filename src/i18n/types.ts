/**
 * A message compiled from ICU MessageFormat: plain text, or a list of nodes: text, `0` for the
 * plural number (`#`), `[name]` for a placeholder, `[name, branches]` for a plural.
 */
export type MessageNode = string | 0 | [name: string] | [name: string, branches: Record<string, CompiledMessage>];
export type CompiledMessage = string | MessageNode[];
