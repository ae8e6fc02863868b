import { css } from 'lit';

export const invoiceHistoryStyles = css`
  :host {
    display: block;
    /* The table scrolls inside the element instead of widening the host's layout. */
    contain: inline-size;
  }
  .scroller {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    inline-size: 100%;
    font-size: 0.95em;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.1em;
    padding: 0.75rem var(--_space);
  }
  th,
  td {
    padding-block: 0.6rem;
    padding-inline: 0.6rem;
    text-align: start;
    border-block-start: 1px solid var(--_border);
    white-space: nowrap;
  }
  thead th {
    white-space: normal;
    font-size: 0.85em;
    color: var(--_muted);
    font-weight: 600;
  }
  .amount {
    text-align: end;
  }
  .status {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.85em;
    border: 1px solid currentColor;
  }
  .status--paid {
    color: var(--_success);
  }
  .status--open {
    color: var(--_danger);
  }
  .status--partially_paid {
    color: var(--_warning);
  }
  .button {
    min-block-size: 2rem;
    padding-block: 0.25em;
    padding-inline: 0.75em;
  }
  .row-error {
    color: var(--_danger);
    font-size: 0.85em;
    white-space: normal;
    margin: 0.25rem 0 0;
  }
  .older,
  .empty {
    color: var(--_muted);
    margin: 0.75rem 0 0;
  }
  @media (forced-colors: active) {
    .status {
      color: CanvasText;
    }
  }
`;
