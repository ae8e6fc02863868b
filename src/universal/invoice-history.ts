// The `default`-condition entry (no DOM, no Lit `node` build): the DOM shim first, then the entry.
import '../internal/dom-shim.js';

export * from '../invoice-history.js';
