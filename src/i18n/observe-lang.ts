/**
 * Run-time `lang` changes: a provider without `locale` follows the nearest `lang` attribute
 * (see requestedLocales in index.ts); this watches the attributes that resolution reads, so a
 * host that switches `<html lang>` (or the `lang` of any element around the provider) at run
 * time re-renders every element in the new language.
 *
 * Loaded with resolve.ts (lazily, by the provider), never in an initial bundle.
 */

/**
 * Calls `onChange` whenever a `lang` attribute of `element` or of one of its ancestors (out of
 * shadow roots, up to `<html>`) is set, changed or removed: the element that carries the nearest
 * `lang`, a closer one that gains a `lang`, and `<html>`. Returns the function that stops watching.
 */
export function observeLang(element: Element, onChange: () => void): () => void {
  const observer = new MutationObserver((records) => {
    if (records.some((record) => record.oldValue !== (record.target as Element).getAttribute('lang'))) onChange();
  });
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) observer.observe(node, { attributes: true, attributeFilter: ['lang'], attributeOldValue: true });
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return () => observer.disconnect();
}
