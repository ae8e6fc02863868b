// custom-elements.json is generated from the elements' JSDoc: `npm run analyze`. Never edit it by hand.

/** Events are documented with @fires; the analyzer also guesses unnamed ones from `new XEvent()` calls: drop those. */
const dropUnnamedEvents = {
  name: 'drop-unnamed-events',
  packageLinkPhase({ customElementsManifest }) {
    // The file walk's order differs between checkouts: sort, so the file is the same everywhere.
    customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
    }
  },
};

export default {
  // The element classes only (one file per element, named after its folder) and their shared base.
  globs: ['src/components/*/billing-form.ts', 'src/components/*/billing-provider.ts', 'src/components/*/invoice-history.ts', 'src/components/*/overdue-banner.ts', 'src/components/*/suspension-modal.ts', 'src/internal/billing-consumer.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  litelement: true,
  // package.json already names custom-elements.json; the check's temporary output must not replace it.
  packagejson: false,
  plugins: [dropUnnamedEvents],
};
