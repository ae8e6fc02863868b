/**
 * The view pattern every element with a lazily loaded view shares (`<invoice-history>`,
 * `<overdue-banner>`, `<suspension-modal>`): the loading state until the view module is there, the
 * load error with Try again (which retries the import) when it could not be loaded, its styles
 * adopted when it arrives, and `updateComplete` waiting for it. The import is stood in for by a
 * promise the test settles, so each state can be seen.
 */
import { expect, html } from '@open-wc/testing';
import { LitElement, css, type ReactiveController } from 'lit';
import { property } from 'lit/decorators.js';
import { textOf, waitUntil } from '../../test/helpers.js';
import { LazyView, type ViewModule } from './lazy-view.js';
import { sharedStyles } from './shared.styles.js';

class GreetingView implements ReactiveController {
  /** Updates of the host since the view arrived: the view is one of its reactive controllers. */
  updates = 0;
  constructor(private readonly host: ViewHost) {}
  hostUpdate(): void {
    this.updates++;
  }
  render() {
    return html`<p part="greeting" class="greeting">Hello, ${this.host.name}</p>`;
  }
}

type Module = ViewModule<ViewHost, GreetingView>;

/** Settled by the test: each call of the loader is one import attempt. */
const attempts: { resolve(module: Module): void; reject(error: unknown): void }[] = [];
const load = () => new Promise<Module>((resolve, reject) => attempts.push({ resolve, reject }));
const viewModule: Module = { styles: [css`.greeting { color: rgb(1, 2, 3); }`], View: GreetingView };

class ViewHost extends LitElement {
  static override styles = [sharedStyles];
  @property() name = 'Ada';
  @property({ type: Boolean }) quiet = false;
  readonly view = new LazyView(this, load);

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.view.settled;
    return super.getUpdateComplete();
  }

  protected override render() {
    return this.view.view?.render() ?? this.view.render(this.quiet);
  }
}

/**
 * A host class of its own for each test: the views loaded so far are remembered per class (the
 * next element of a class renders with its view at once).
 */
let classes = 0;
function defineHost(): string {
  const tag = `lazy-view-host-${++classes}`;
  customElements.define(tag, class extends ViewHost {});
  return tag;
}

/**
 * Connects a host and waits for its first render. (Not `fixture()`: it awaits `updateComplete`,
 * which waits for the import the test has not settled yet.)
 */
const mounted: ViewHost[] = [];
async function mount(quiet = false, tag = defineHost()): Promise<ViewHost> {
  const element = document.createElement(tag) as ViewHost;
  element.quiet = quiet;
  document.body.append(element);
  mounted.push(element);
  await waitUntil(() => element.hasUpdated, 'first render');
  return element;
}

describe('LazyView (an element view loaded with import())', () => {
  beforeEach(() => {
    attempts.length = 0;
  });
  afterEach(() => {
    for (const element of mounted.splice(0)) element.remove();
  });

  it('starts loading when the element connects, not before', async () => {
    const element = document.createElement(defineHost()) as ViewHost;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(attempts, 'no import before the element connects').to.have.length(0);
    document.body.append(element);
    expect(attempts, 'the import starts on connect').to.have.length(1);
    element.remove();
  });

  it('shows the loading state until the view arrives, then the view with its styles', async () => {
    const element = await mount();
    const status = element.shadowRoot!.querySelector('[part="loading"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(textOf(status)).to.equal('Loading billing information…');
    let completed = false;
    void element.updateComplete.then(() => (completed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(completed, 'updateComplete waits for the view').to.equal(false);
    attempts[0]!.resolve(viewModule);
    await element.updateComplete;
    expect(completed).to.equal(true);
    expect(element.shadowRoot!.querySelector('[part="loading"]')).to.equal(null);
    const greeting = element.shadowRoot!.querySelector('[part="greeting"]')!;
    expect(textOf(greeting)).to.equal('Hello, Ada');
    expect(getComputedStyle(greeting).color, "the view's styles are adopted").to.equal('rgb(1, 2, 3)');
    // The element's own styles stay adopted beside the view's.
    expect(getComputedStyle(element).getPropertyValue('--_radius').trim()).to.equal('6px');
    const updates = element.view.view!.updates;
    expect(updates, "the view takes part in the element's updates").to.be.greaterThan(0);
    element.name = 'Grace';
    await element.updateComplete;
    expect(textOf(element.shadowRoot!.querySelector('[part="greeting"]')!)).to.equal('Hello, Grace');
    expect(element.view.view!.updates).to.equal(updates + 1);
  });

  it('renders nothing while loading when the element is quiet (banners)', async () => {
    const element = await mount(true);
    expect(textOf(element)).to.equal('');
    attempts[0]!.resolve(viewModule);
    await element.updateComplete;
    expect(textOf(element)).to.equal('Hello, Ada');
  });

  it('shows the load error with Try again when the import fails, and Try again imports again', async () => {
    const element = await mount(true);
    attempts[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    await element.updateComplete;
    const alert = element.shadowRoot!.querySelector('[part="load-error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(textOf(alert)).to.equal("We couldn't load your billing information. Check your connection, then try again. Try again");
    expect(textOf(alert), 'nothing of the error itself').to.not.contain('Failed to fetch');
    const retry = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(textOf(retry)).to.equal('Try again');
    await expect(element).to.be.accessible();
    retry.click();
    expect(attempts, 'a second import').to.have.length(2);
    // (Not updateComplete: it waits for this second import, which the test settles below.)
    await waitUntil(() => !element.shadowRoot!.querySelector('[part="load-error"]'), 'back to loading');
    expect(textOf(element), 'quiet while loading again').to.equal('');
    attempts[1]!.resolve(viewModule);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="greeting"]'), 'the view after Try again');
    expect(textOf(element)).to.equal('Hello, Ada');
  });

  it('renders the next element of the class with its view from the first update, without importing again', async () => {
    const tag = defineHost();
    const first = await mount(false, tag);
    attempts[0]!.resolve(viewModule);
    await first.updateComplete;
    const second = document.createElement(tag) as ViewHost;
    second.name = 'Grace';
    document.body.append(second);
    mounted.push(second);
    await second.updateComplete;
    expect(attempts).to.have.length(1);
    expect(textOf(second), 'no loading state first').to.equal('Hello, Grace');
    expect(second.view.view!.updates, 'one update: the first').to.equal(1);
    expect(getComputedStyle(second.shadowRoot!.querySelector('[part="greeting"]')!).color).to.equal('rgb(1, 2, 3)');
  });

  it('loads once per element, even when it is moved', async () => {
    const element = await mount();
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    expect(attempts).to.have.length(1);
    attempts[0]!.resolve(viewModule);
    await element.updateComplete;
    expect(textOf(element)).to.equal('Hello, Ada');
  });
});
