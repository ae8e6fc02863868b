import type { nothing, TemplateResult } from 'lit';
import type { BillingContextValue } from '../../context/billing-context.js';
import { renderPayAnotherWay, renderSharedState } from '../../internal/shared-states.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import type { SuspensionModal } from './suspension-modal.js';
import { View as DialogView, styles as dialogStyles } from './suspension-modal.view.js';

/**
 * Everything `<suspension-modal>` shows, loaded when it connects: the dialog (suspension-modal.view.ts)
 * and the states every element shares (here only the developer error: the modal is quiet while
 * loading). The modal's entry holds no more than its shell — its properties, the context and the
 * open state — so that what it shares with the `<billing-form>` it loads later (the shared
 * states, the shared styles) is not split out of its initial bundle into extra chunks.
 */
export const styles = [sharedStyles, ...dialogStyles];

export class View extends DialogView {
  /** The modal's whole render: the developer error outside a provider, else the dialog (or nothing). */
  renderModal(host: SuspensionModal, billing: BillingContextValue | undefined, locale: string): TemplateResult | typeof nothing {
    const shared = renderSharedState(host, billing, { quiet: true });
    if (shared !== null) return shared;
    const canManageBilling = billing?.state.snapshot?.viewer.canManageBilling === true;
    return this.render(billing?.state.dunning, locale, canManageBilling, renderPayAnotherWay(host.supportEmail));
  }
}
