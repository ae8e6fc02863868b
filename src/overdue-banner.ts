// Every billing element works inside a <billing-provider>, so this entry defines the provider first,
// synchronously (ES modules evaluate their imports in order): a framework can never create
// <overdue-banner> or its provider before the provider is defined, so a property it sets (`.adapter`)
// lands on the upgraded element instead of becoming an attribute.
import './billing-provider.js';
import { OverdueBanner } from './components/overdue-banner/overdue-banner.js';
import { defineElement } from './internal/define.js';

export * from './components/overdue-banner/overdue-banner.js';

defineElement('overdue-banner', OverdueBanner);
