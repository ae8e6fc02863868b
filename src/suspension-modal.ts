import { SuspensionModal } from './components/suspension-modal/suspension-modal.js';
import { defineElement } from './internal/define.js';

export * from './components/suspension-modal/suspension-modal.js';

defineElement('suspension-modal', SuspensionModal);
