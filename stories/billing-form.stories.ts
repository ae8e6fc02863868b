import type { Args, Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/billing-form.js';
import '../src/suspension-modal.js';
import { DECLINED_CARD_NUMBER } from '../src/adapters/memory-adapter.js';
import {
  clearBillingDrafts,
  fillPaymentForm,
  findPart,
  withBilling,
  type BillingStoryParameters,
} from './story-helpers.js';

function form(args: Args, parameters: Record<string, unknown>) {
  return withBilling(
    html`<billing-form
      terms-href=${ifDefined(args['terms-href'] || undefined)}
      ?expanded=${args['expanded'] === true}
      @payment-method-submit=${args['onPaymentMethodSubmit']}
      @payment-method-updated=${args['onPaymentMethodUpdated']}
      @billing-error=${args['onBillingError']}
    ></billing-form>`,
    parameters['billing'] as BillingStoryParameters | undefined,
  );
}

/**
 * `<billing-form>`: the account's one card (replace only, never delete) with mailing and
 * billing information, inside a `<billing-provider>` on 2025-06-15. The in-memory adapter
 * accepts any Luhn-valid card and declines 4000 0000 0000 0002.
 */
const meta: Meta = {
  title: 'Elements/billing-form',
  component: 'billing-form',
  args: { 'terms-href': '#terms-3-7', expanded: false },
  // The form keeps a draft of what was typed per account; start every story from nothing.
  beforeEach: () => clearBillingDrafts(),
  render: (args, { parameters }) => form(args, parameters),
};
export default meta;

type Story = StoryObj;

/** A new account without a card: the form, empty; Submit Payment Information is marked `aria-disabled` but stays focusable. */
export const Empty: Story = {
  name: 'Empty (no card yet)',
  parameters: { billing: { scenario: 'empty' } },
};

/** A card on file: its summary and Replace card (no delete control exists). */
export const ExistingCard: Story = {
  name: 'Existing card',
  parameters: { billing: { scenario: 'all-paid' } },
};

/** Replace card was pressed: the form opens below the current card, with Keep current card. */
export const ReplacingCard: Story = {
  name: 'Replacing the card',
  parameters: { billing: { scenario: 'all-paid' } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findPart(canvasElement, 'billing-form', 'replace'));
    await findPart(canvasElement, 'billing-form', 'form');
  },
};

/** A new card still on its way to the billing system (up to 24 hours): status Pending. */
export const PendingCard: Story = {
  name: 'Pending card',
  parameters: { billing: { scenario: 'pending-card' } },
};

/** A viewer without the billing role: the no-permission text, no card data in the DOM. */
export const NoPermission: Story = {
  name: 'No permission',
  parameters: { billing: { scenario: 'no-permission' } },
};

/** Every field filled in (a US address, so State and ZIP code appear): Submit Payment Information is ready (`aria-disabled="false"`). */
export const FilledIn: Story = {
  name: 'Filled in, ready to submit',
  parameters: { billing: { scenario: 'outstanding-5' } },
  play: async ({ canvasElement }) => {
    const root = await fillPaymentForm(canvasElement);
    const submit = root.querySelector<HTMLButtonElement>('[part~="submit"]')!;
    await waitFor(() => expect(submit.getAttribute('aria-disabled')).toBe('false'));
  },
};

/**
 * Submit Payment Information pressed on an empty form: nothing is sent; the error summary at
 * the top takes focus and links to each missing field, and the fields show their own errors.
 */
export const ErrorSummary: Story = {
  name: 'Submitted too early: error summary',
  parameters: { billing: { scenario: 'empty' } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findPart(canvasElement, 'billing-form', 'submit'));
    const summary = await findPart(canvasElement, 'billing-form', 'error-summary');
    await waitFor(() => expect((summary.getRootNode() as ShadowRoot).activeElement).toBe(summary));
    await expect(summary.querySelectorAll('a').length).toBe(10);
  },
};

/** Fields left after a change with wrong values show their errors (a field only tabbed past shows none). */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  parameters: { billing: { scenario: 'empty' } },
  play: async ({ canvasElement }) => {
    await findPart(canvasElement, 'billing-form', 'form');
    const root = canvasElement.querySelector('billing-form')!.shadowRoot!;
    await userEvent.type(root.querySelector<HTMLInputElement>('#mailing-email')!, 'ada@');
    await userEvent.type(root.querySelector<HTMLInputElement>('#card-number')!, '4242 4242 4242 4241');
    await userEvent.type(root.querySelector<HTMLInputElement>('#card-expiry')!, '0124');
    await userEvent.click(root.querySelector<HTMLInputElement>('#card-name')!);
    await userEvent.tab();
    await waitFor(() => expect(root.querySelectorAll('[part~="error"]').length).toBeGreaterThanOrEqual(3));
  },
};

/** The processor declined the card: the alert, everything kept but the security code. */
export const CardDeclined: Story = {
  name: 'Card declined',
  parameters: { billing: { scenario: 'outstanding-5' } },
  play: async ({ canvasElement }) => {
    const root = await fillPaymentForm(canvasElement, { number: DECLINED_CARD_NUMBER });
    const submit = root.querySelector<HTMLButtonElement>('[part~="submit"]')!;
    await waitFor(() => expect(submit.getAttribute('aria-disabled')).toBe('false'));
    await userEvent.click(submit);
    await findPart(canvasElement, 'billing-form', 'alert');
  },
};

/** The card was accepted and charged the outstanding balance; it is now the pending card on file. */
export const Submitted: Story = {
  name: 'Submitted and charged',
  parameters: { billing: { scenario: 'outstanding-5' } },
  play: async ({ canvasElement }) => {
    const root = await fillPaymentForm(canvasElement);
    const submit = root.querySelector<HTMLButtonElement>('[part~="submit"]')!;
    await waitFor(() => expect(submit.getAttribute('aria-disabled')).toBe('false'));
    await userEvent.click(submit);
    await findPart(canvasElement, 'billing-form', 'success');
  },
};

/** Inside a suspended account, after Update: the suspension modal shows the form in the dialog, the only thing usable on the page. */
export const InSuspendedAccount: Story = {
  name: 'Inside a suspended account',
  parameters: {
    billing: { scenario: 'suspended-50' },
    docs: { story: { inline: false, iframeHeight: 720 } },
  },
  // Update puts the card form in the dialog.
  play: async ({ canvasElement }) => {
    await userEvent.click(await findPart(canvasElement, 'suspension-modal', 'action'));
    await findPart(canvasElement, 'billing-form', 'form');
  },
  render: (args, { parameters }) =>
    withBilling(
      html`<p><bdi lang="en">The rest of the host page: inert while the account is suspended.</bdi></p>
        <suspension-modal
          support-email="billing@example.com"
          terms-href=${ifDefined(args['terms-href'] || undefined)}
        ></suspension-modal>`,
      parameters['billing'] as BillingStoryParameters | undefined,
    ),
};

/** Without a `<billing-provider>` around it, the element shows a message for the developer. */
export const OutsideProvider: Story = {
  name: 'Outside a provider',
  parameters: { billing: { provider: false } },
};
