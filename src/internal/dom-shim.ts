/**
 * Lets the package evaluate where there is no DOM and nothing chose Lit's `node` build: a server
 * bundle for a neutral platform, an edge worker. Installs the missing DOM globals from
 * @lit-labs/ssr-dom-shim (the shim Lit's own `node` build uses), never replacing one that exists.
 * Only the `default`-condition entries (`src/universal/`) import it first; browsers and Node (the
 * `browser` and `node` export conditions) never load it.
 */
import * as shim from '@lit-labs/ssr-dom-shim';

const globals = globalThis as Record<string, unknown>;
const shimmed = shim as unknown as Record<string, unknown>;
for (const name of [
  'EventTarget', 'Event', 'CustomEvent', 'Node', 'Element', 'HTMLElement', 'HTMLSlotElement', 'ShadowRoot', 'Document',
  'document', 'CustomElementRegistry', 'customElements', 'ElementInternals', 'CSSStyleSheet', 'MutationObserver',
  'ResizeObserver', 'IntersectionObserver',
]) {
  if (globals[name] === undefined && shimmed[name] !== undefined) globals[name] = shimmed[name];
}
