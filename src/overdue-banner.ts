import { OverdueBanner } from './components/overdue-banner/overdue-banner.js';
import { defineElement } from './internal/define.js';

export * from './components/overdue-banner/overdue-banner.js';

defineElement('overdue-banner', OverdueBanner);
