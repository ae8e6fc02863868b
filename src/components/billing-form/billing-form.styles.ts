import { css } from 'lit';

/*
 * Inputs are sized to what they hold (expiry, security code, postal code narrow; never wider than
 * the grid cell). An invalid field gets a thick start bar and a tint: a shape cue that survives
 * every color scheme, forced colors included (a double border there). The bar is on the form's start
 * side (of the rendered root's `dir`), also for inputs whose own direction differs: the left-to-right
 * ones (card number, email…) and the `dir="auto"` ones holding text of the other direction. Japanese
 * lines break between phrases, not inside words (`word-break: auto-phrase`).
 * (Comments stay out of the css template: whatever is in it ships to browsers.)
 */
export const billingFormStyles = css`
  :host {
    display: block;
    word-break: auto-phrase;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: 0.85rem var(--_space);
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.35rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    min-inline-size: 0;
  }
  .field--wide {
    grid-column: 1 / -1;
  }
  .field--row-start {
    grid-column-start: 1;
  }
  label {
    font-weight: 600;
    font-size: 0.925em;
  }
  .required {
    color: var(--_danger);
    margin-inline-start: 0.15em;
  }
  input,
  select {
    font: inherit;
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--billing-color-input-border, color-mix(in srgb, CanvasText 45%, transparent));
    border-radius: var(--_radius);
    background: var(--billing-color-input, Field);
    color: var(--billing-color-input-text, FieldText);
  }
  input[autocomplete~='cc-exp'],
  input[autocomplete~='cc-csc'] {
    max-inline-size: 8rem;
  }
  input[autocomplete~='postal-code'] {
    max-inline-size: 11rem;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--_danger);
    border-inline-start-width: 6px;
    background: color-mix(in srgb, var(--_danger) 6%, var(--billing-color-input, Field));
  }
  [dir='ltr'] input[aria-invalid='true'] {
    border-right-width: 2px;
    border-left-width: 6px;
  }
  [dir='rtl'] input[aria-invalid='true'] {
    border-left-width: 2px;
    border-right-width: 6px;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85em;
    margin: 0;
  }
  .error {
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
    margin: 0;
  }
  .error::before {
    content: '!' / '';
    display: inline-grid;
    place-items: center;
    inline-size: 1.3em;
    block-size: 1.3em;
    margin-inline-end: 0.4em;
    border-radius: 50%;
    background: var(--_danger);
    color: var(--_surface);
    font-size: 0.85em;
    vertical-align: 0.1em;
  }
  .card-number {
    position: relative;
  }
  .label-row {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
  }
  .aside {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_muted);
  }
  .hosted {
    grid-column: 1 / -1;
    min-block-size: 3rem;
  }
  .current {
    display: grid;
    gap: 0.35rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-block-end: var(--_space);
  }
  .current-card {
    font-weight: 700;
    font-size: 1.05em;
    margin: 0;
  }
  .badge {
    margin-inline-start: 0.5em;
    vertical-align: middle;
  }
  .badge--active {
    color: var(--_success);
  }
  .badge--expired {
    color: var(--_danger);
  }
  .badge--pending {
    color: var(--_warning);
  }
  .current p,
  .intro p {
    margin: 0;
  }
  .intro {
    display: grid;
    gap: 0.25rem;
    color: var(--_muted);
    margin-block-end: var(--_space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .submit-area {
    display: grid;
    gap: 0.5rem;
  }
  .terms,
  .remaining,
  .charge {
    margin: 0;
    font-size: 0.925em;
  }
  .remaining {
    color: var(--_muted);
  }
  .alert {
    padding: 0.75rem var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    border-inline-start-width: 6px;
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
    margin: 0;
  }
  .alert:focus {
    outline: 3px solid var(--_focus);
  }
  .success {
    padding: 0.75rem var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_success);
    border-inline-start-width: 6px;
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
    margin: 0 0 var(--_space);
  }
  @media (forced-colors: active) {
    input[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: CanvasText;
      border-style: double;
      border-width: 4px;
      border-inline-start-width: 10px;
    }
    [dir='ltr'] input[aria-invalid='true'] {
      border-right-width: 4px;
      border-left-width: 10px;
    }
    [dir='rtl'] input[aria-invalid='true'] {
      border-left-width: 4px;
      border-right-width: 10px;
    }
    .error::before {
      border: 1px solid;
      color: CanvasText;
    }
    .alert,
    .success {
      border-color: CanvasText;
    }
  }
`;
