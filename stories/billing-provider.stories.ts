import type { Args, Meta, StoryObj } from '@storybook/web-components';
import { html, type TemplateResult } from 'lit';
import '../src/billing-form.js';
import '../src/billing-provider.js';
import '../src/invoice-history.js';
import '../src/overdue-banner.js';
import '../src/suspension-modal.js';
import { clearBillingDrafts, storyNote, withBilling, type BillingStoryParameters } from './story-helpers.js';

/** A host page: its own heading and text around the billing elements. */
function page(args: Args, parameters: Record<string, unknown>, elements: TemplateResult) {
  return html`<main class="story-page">
    <h1>Billing</h1>
    ${withBilling(elements, parameters['billing'] as BillingStoryParameters | undefined, {
      locale: args['locale'] as string | undefined,
      refreshInterval: Number(args['refresh-interval']) || undefined,
      onBillingError: args['onBillingError'] as ((event: Event) => void) | undefined,
    })}
  </main>`;
}

const bannerAndHistory = html`
  <overdue-banner update-href="#update-card" support-email="billing@example.com"></overdue-banner>
  <invoice-history></invoice-history>
`;

/**
 * `<billing-provider>` renders nothing itself: it loads one snapshot through its adapter and
 * shares it with the billing elements inside. These stories show it as a host page uses it.
 */
const meta: Meta = {
  title: 'Elements/billing-provider',
  component: 'billing-provider',
  args: { locale: '', 'refresh-interval': 0 },
  render: (args, { parameters }) => page(args, parameters, bannerAndHistory),
};
export default meta;

type Story = StoryObj;

/** The host page: banner and invoice history under one provider (one invoice 5 days past due). */
export const HostPage: Story = {
  name: 'Host page',
  parameters: { billing: { scenario: 'outstanding-5' } },
};

/** The whole billing page of API.md: banner, card form and invoice history under one provider. */
export const HostPageWithForm: Story = {
  name: 'Host page with the card form',
  parameters: { billing: { scenario: 'overdue-35' } },
  beforeEach: () => clearBillingDrafts(),
  render: (args, { parameters }) =>
    page(
      args,
      parameters,
      html`<overdue-banner update-href="#billing-form" support-email="billing@example.com"></overdue-banner>
        <billing-form id="billing-form" terms-href="#terms-3-7"></billing-form>
        <invoice-history></invoice-history>`,
    ),
};

/** The host page for an account in good standing: no banner, just the history. */
export const HostPageAllPaid: Story = {
  name: 'Host page, all paid',
  parameters: { billing: { scenario: 'all-paid' } },
};

/** The host page with the suspension modal too, for a suspended account: the modal covers the page. */
export const HostPageSuspended: Story = {
  name: 'Host page, suspended',
  parameters: {
    billing: { scenario: 'suspended-50' },
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
  beforeEach: () => clearBillingDrafts(),
  render: (args, { parameters }) =>
    page(
      args,
      parameters,
      html`${bannerAndHistory}<suspension-modal
          update-href="#update-card"
          support-email="billing@example.com"
          terms-href="#terms-3-7"
        ></suspension-modal>`,
    ),
};

/** `locale="de-DE"`: texts, money, dates, country names and plurals follow the provider's locale (German). */
export const GermanLocale: Story = {
  name: 'Locale de-DE',
  args: { locale: 'de-DE' },
  parameters: { billing: { scenario: 'overdue-35' } },
};

/** The load failed: the provider fires `billing-error` (see Actions), the history offers Try again, the banner stays silent. */
export const LoadFailed: Story = {
  name: 'Load failed',
  parameters: { billing: { scenario: 'failing-backend' } },
  render: (args, { parameters }) =>
    html`${page(args, parameters, bannerAndHistory)}${storyNote(
      'The banner shows nothing while there is no data; the history shows the error.',
    )}`,
};
