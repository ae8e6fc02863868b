import { css } from 'lit';

/**
 * The error summary at the top of the form (GOV.UK's error summary: a box with a thick
 * danger-colored border, a heading, and a link to each field with a problem). Same tokens as
 * the rest of the form; in forced colors the border is CanvasText and the links are LinkText.
 */
export const errorSummaryStyles = css`
  .error-summary {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error-summary h2 {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
  }
  .error-summary p {
    margin: 0;
    font-weight: 600;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .error-summary {
      border-color: CanvasText;
    }
    .error-summary a {
      color: LinkText;
    }
  }
`;
