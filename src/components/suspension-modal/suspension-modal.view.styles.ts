import { css } from 'lit';

/** The modal's content (what is owed, Update, the card form): adopted when its view (suspension-modal.view.ts) arrives. */
export const styles = css`
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
`;
