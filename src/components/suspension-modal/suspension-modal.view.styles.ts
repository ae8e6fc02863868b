import { css } from 'lit';

/**
 * The dialog and its content (what is owed, Update, the card form): adopted when the view
 * (suspension-modal.view.ts) arrives. Japanese lines break between phrases, not inside words
 * (`word-break: auto-phrase`).
 */
export const styles = css`
  dialog {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    overflow: auto;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-block-start: 6px solid var(--_danger);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: inherit;
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.35);
    word-break: auto-phrase;
  }
  dialog::backdrop {
    background: var(--billing-backdrop, rgb(20 20 20 / 0.6));
    backdrop-filter: blur(2px);
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.35rem;
    line-height: 1.3;
  }
  h2:focus {
    outline: none;
  }
  .note {
    color: var(--_muted);
    font-size: 0.925em;
  }
  .actions {
    margin-block: var(--_space);
  }
  .denied {
    font-weight: 600;
  }
  .form {
    display: block;
    margin-block-start: var(--_space);
  }
  @media (forced-colors: active) {
    dialog {
      border: 2px solid CanvasText;
    }
  }
`;
