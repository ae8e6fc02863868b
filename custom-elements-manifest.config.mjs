// custom-elements.json is generated from the elements' JSDoc: `npm run analyze`. Never edit it by hand.

/** Events are documented with @fires; the analyzer also guesses unnamed ones from `new XEvent()` calls: drop those. */
const dropUnnamedEvents = {
  name: 'drop-unnamed-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
    }
  },
};

export default {
  globs: ['src/components/**/*.ts', 'src/internal/billing-consumer.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  litelement: true,
  plugins: [dropUnnamedEvents],
};
