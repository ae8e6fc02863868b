import { OverdueBanner } from './components/overdue-banner/overdue-banner.js';
import { defineElement } from './internal/define.js';

export * from './components/overdue-banner/overdue-banner.js';

defineElement('overdue-banner', OverdueBanner);

// Every billing element works inside a <billing-provider>: the provider is defined too, from its
// own chunk, so it costs this entry nothing up front. Elements inside a provider that is not
// upgraded yet show their loading state, and connect as soon as it is (ContextRoot).
if (!customElements.get('billing-provider')) void import('./billing-provider.js');
