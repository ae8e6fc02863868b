import { InvoiceHistory } from './components/invoice-history/invoice-history.js';
import { defineElement } from './internal/define.js';

export * from './components/invoice-history/invoice-history.js';

defineElement('invoice-history', InvoiceHistory);
