/**
 * Texts that fall back to English are marked `lang="en"`: a host that registers only some
 * messages of a language the library does not ship (`registerMessages('sv', {…})`) gets
 * Swedish elements whose untranslated texts a screen reader still reads as English.
 *
 * `msg()` collects, per render, the texts that fell back (withLocale's third argument); after the
 * render, the element that holds such a text gets `lang="en"`, without any template knowing. The
 * marking itself (fallback-marks.ts) loads lazily, only when there is something to mark or unmark,
 * so pages in shipped languages never load it.
 */

/** Render roots where fallback-marks.ts has marked something (their marks may need removing). */
const marked = new WeakSet<Node>();

/**
 * After a render: marks each element of `root` whose texts all fell back (`fallen`, from
 * withLocale) with `lang="en"`, and undoes marks a previous render set that no longer apply.
 */
export function markFallbacks(root: ParentNode & Node, fallen: ReadonlySet<string>, locale: string): void {
  if (!fallen.size && !marked.has(root)) return;
  void import('./fallback-marks.js').then(({ mark }) => {
    if (mark(root, fallen, locale)) marked.add(root);
    else marked.delete(root);
  });
}
