/**
 * The marking of fallback-lang.ts, loaded only when an element shows texts that fell back to
 * English. An element gets `lang="en"` when every text of its own (its text nodes with letters)
 * fell back; an element inside it whose texts are translated gets the locale back. An element
 * that mixes translated and fallback texts in one run keeps the locale (wrapping part of a
 * Lit-rendered text would break Lit's bookkeeping).
 */

/** The elements each render root had marked (their `lang` is ours to set and remove). */
const ours = new WeakMap<Node, Set<Element>>();

const LETTER = /\p{L}/u;

/** Marks and unmarks; true when `root` now holds marks. */
export function mark(root: ParentNode & Node, fallen: ReadonlySet<string>, locale: string): boolean {
  // A sentence split around a link (`before<a>…</a>after`) renders as its pieces.
  const pieces = new Set<string>();
  for (const text of fallen) for (const piece of text.split('\u0000')) if (piece.trim()) pieces.add(piece.trim());

  const before = ours.get(root) ?? new Set<Element>();
  const english = new Set<Element>();
  /** Whether the nearest ancestor that decides the language is one this render marks English. */
  const insideEnglish = (element: Element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (english.has(parent)) return true;
      if (parent.hasAttribute('lang') && !before.has(parent)) return false;
    }
    return false;
  };
  const own = new Set<Element>();
  for (const element of root.querySelectorAll('*')) {
    let fallback = 0;
    let translated = 0;
    for (const node of element.childNodes) {
      if (node.nodeType !== 3 || !LETTER.test(node.nodeValue ?? '')) continue;
      if (pieces.has(node.nodeValue!.trim())) fallback++;
      else translated++;
    }
    if (fallback && !translated) english.add(element);
    // Translated texts inside an element marked English speak the locale again.
    else if (translated && !fallback && insideEnglish(element)) own.add(element);
  }
  const now = new Set<Element>();
  const set = (element: Element, lang: string) => {
    if (element.getAttribute('lang') !== lang) element.setAttribute('lang', lang);
    now.add(element);
  };
  for (const element of english) set(element, 'en');
  for (const element of own) set(element, locale);
  for (const element of before) {
    if (now.has(element)) continue;
    // The rendered root's lang belongs to the element (billing-consumer.ts): give it its locale back.
    if (element.parentNode === root) element.setAttribute('lang', locale);
    else element.removeAttribute('lang');
  }
  if (now.size) ours.set(root, now);
  else ours.delete(root);
  return now.size > 0;
}
