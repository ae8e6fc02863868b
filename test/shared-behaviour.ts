/**
 * Behaviour every billing element shares, as one suite each element's tests call:
 * the developer message outside a provider, and the load-error state.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { StaticAdapter, mount, textOf } from './helpers.js';

export function sharedBehaviour(tag: string, options: { quietWhileUnloaded?: boolean } = {}): void {
  describe(`<${tag}> shared behaviour`, () => {
    it('tells the developer when it is used outside a <billing-provider>', async () => {
      const element = await fixture(staticHtml`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
      const message = element.shadowRoot!.querySelector('[role="alert"]');
      expect(message, 'developer message').to.exist;
      expect(textOf(message!)).to.equal(`<${tag}> must be placed inside <billing-provider>.`);
      expect(getComputedStyle(element).display, 'the element is displayed').to.not.equal('none');
      expect(message!.getBoundingClientRect().height, 'the message takes room').to.be.greaterThan(0);
    });

    it('turns malformed adapter data into an error state, not an exception', async () => {
      const adapter = new StaticAdapter({ account: { id: 42 }, invoices: 'nope' });
      // Every emission is counted (no `once`): a duplicated event fails the count below.
      const errors: Event[] = [];
      const record = (event: Event) => errors.push(event);
      document.addEventListener('billing-error', record);
      let mounted: Awaited<ReturnType<typeof mount>>;
      try {
        mounted = await mount(adapter, staticHtml`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
        await (mounted.element as LitElement).updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 0));
      } finally {
        document.removeEventListener('billing-error', record);
      }
      const { provider, element } = mounted;
      expect(provider.state.status).to.equal('error');
      expect(provider.state.error?.code).to.equal('invalid_response');
      expect(errors).to.have.length(1);
      if (options.quietWhileUnloaded) {
        expect(textOf(element)).to.equal('');
      } else {
        const alert = element.shadowRoot!.querySelector('[role="alert"]');
        expect(alert && textOf(alert)).to.contain("We couldn't load your billing information.");
        expect(element.shadowRoot!.querySelector('button')?.textContent?.trim()).to.equal('Try again');
      }
    });
  });
}

export { html };
