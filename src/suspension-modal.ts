// The modal's way out of suspension is the card form inside it: define it too.
import './billing-form.js';
import { SuspensionModal } from './components/suspension-modal/suspension-modal.js';
import { defineElement } from './internal/define.js';

export * from './components/suspension-modal/suspension-modal.js';

defineElement('suspension-modal', SuspensionModal);
