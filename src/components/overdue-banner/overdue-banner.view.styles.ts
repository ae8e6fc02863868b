import { css } from 'lit';

/**
 * The banner's own look: adopted when its view (overdue-banner.view.ts) arrives. Japanese lines break
 * between phrases, not inside words (`word-break: auto-phrase`; other languages break as usual).
 */
export const styles = css`
  .banner {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem var(--_space);
    align-items: center;
    padding: 0.875rem var(--_space);
    border: 1px solid var(--_warning);
    border-inline-start: 6px solid var(--_warning);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
    word-break: auto-phrase;
  }
  .banner--overdue,
  .banner--suspended {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 12%, var(--_surface));
  }
  .content {
    flex: 1 1 20rem;
    min-inline-size: 0;
  }
  .title {
    font-weight: 700;
    font-size: 1.05em;
    margin: 0 0 0.25em;
  }
  .note {
    color: var(--_muted);
    font-size: 0.925em;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 0.5rem;
  }
  .denied {
    flex-basis: 100%;
    margin: 0;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .banner {
      border-color: CanvasText;
    }
  }
`;
