import { adoptStyles, html, isServer, nothing, type CSSResult, type ReactiveController, type ReactiveElement } from 'lit';
import { loadErrorText, sentenceGap, sharedText } from '../i18n/index.js';

/** The view modules loaded so far, by element class. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loaded = new WeakMap<object, ViewModule<any, any>>();

/** What a view module exports: its styles and the class of its view (one instance per element). */
export interface ViewModule<H, V> {
  styles: readonly CSSResult[];
  View: new (host: H) => V;
}

/**
 * An element's view: what it shows once a snapshot is there (its templates, the domain code and
 * texts only they use, and their styles), kept in a sibling module `<el>.view.ts` so that the
 * element's entry holds only its shell (class, properties, the shared states). The module is loaded
 * with `import()` as soon as the element connects, in parallel with the provider's load, so it costs
 * no round trip after the data. Its styles are adopted when it arrives; the view, a reactive
 * controller of the element, then renders (and keeps its own state). Until then the element
 * renders its loading state; a failed import renders the load error, whose Try again retries it.
 * The element's `updateComplete` waits for the import (see {@link LazyView.settled}). Once one
 * element of a class has its view, the next ones render with it from their first update.
 */
export class LazyView<H extends ReactiveElement, V extends ReactiveController> implements ReactiveController {
  /** The view, once its module has loaded. */
  view?: V;
  #failed = false;
  #loading?: Promise<void>;

  constructor(
    private readonly host: H,
    private readonly load: () => Promise<ViewModule<H, V>>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A server render shows the loading state: nothing to load there.
    if (isServer || this.view) return;
    // Another element of the class loaded the view already: this one renders with it from the start.
    const known = loaded.get(this.host.constructor);
    if (known) return this.#use(known);
    this.#loading ??= this.load()
      .then(
        (module) => {
          loaded.set(this.host.constructor, module);
          this.#use(module);
        },
        () => {
          this.#failed = true;
          this.#loading = undefined;
        },
      )
      .finally(() => this.host.requestUpdate());
  }

  #use({ styles, View }: ViewModule<H, V>): void {
    const host = this.host;
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof ReactiveElement).elementStyles, ...styles]);
    host.addController((this.view = new View(host)));
  }

  /** The import under way or done (undefined before the element connects, and after it failed). */
  get settled(): Promise<void> | undefined {
    return this.#loading;
  }

  /** What the element shows until its view is there: its loading state (`quiet`: nothing), or the load error. */
  render(quiet?: boolean) {
    if (this.#failed) {
      return html`<div part="load-error" class="notice notice--error" role="alert">
        <p>${sharedText.loadFailed()}${sentenceGap()}${loadErrorText('network')}</p>
        <button part="retry" class="button button--secondary" type="button" @click=${this.#retry}>${sharedText.retry()}</button>
      </div>`;
    }
    return quiet ? nothing : html`<p part="loading" class="loading" role="status">${sharedText.loading()}</p>`;
  }

  #retry = (): void => {
    this.#failed = false;
    this.hostConnected();
    this.host.requestUpdate();
  };
}
