import { css } from 'lit';

/**
 * Design tokens and the pieces every element shares. Tokens are `--billing-*` custom
 * properties that default to system colors, so the elements follow a light or dark host page
 * (its `color-scheme`) and forced-colors mode without configuration.
 */
/*
 * Notes on the rules below (kept out of the css template: comments there ship to browsers):
 * - .visually-hidden: read by screen readers, not shown; never wider than 1px wherever it sits, so
 *   it can't widen the page (reflow at 320px).
 * - .badge: a status pill, 14px or more, tinted with its own color, with a border forced colors keep.
 * - forced colors: system colors only; accent-on-accent text would vanish behind forced backplates.
 */
export const sharedStyles = css`
  :host {
    --_radius: var(--billing-radius, 6px);
    --_space: var(--billing-space, 1rem);
    --_accent: var(--billing-color-accent, light-dark(#0b57d0, #a8c7fa));
    --_accent-contrast: var(--billing-color-accent-contrast, light-dark(#fff, #062e6f));
    --_danger: var(--billing-color-danger, light-dark(#c5221f, #f28b82));
    --_warning: var(--billing-color-warning, light-dark(#8f4a00, #fdd663));
    --_success: var(--billing-color-success, light-dark(#137333, #81c995));
    --_border: var(--billing-color-border, color-mix(in srgb, CanvasText 25%, transparent));
    --_muted: var(--billing-color-muted, color-mix(in srgb, CanvasText 70%, Canvas));
    --_surface: var(--billing-color-surface, Canvas);
    --_focus: var(--billing-color-focus, Highlight);
    font-family: var(--billing-font-family, inherit);
    color: var(--billing-color-text, CanvasText);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  p {
    margin-block: 0 0.5em;
  }
  .button {
    font: inherit;
    border-radius: var(--_radius);
    padding-block: 0.45em;
    padding-inline: 1em;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    cursor: pointer;
    min-block-size: 2.5rem;
  }
  .button:hover {
    background: color-mix(in srgb, var(--_accent) 85%, CanvasText);
  }
  .button--secondary {
    background: transparent;
    color: var(--_accent);
  }
  .button--secondary:hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .notice {
    padding: 0.75em var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
  }
  .notice--error {
    border-color: var(--_danger);
    border-inline-start-width: 4px;
  }
  .loading {
    color: var(--_muted);
    margin: 0;
  }
  .developer-error {
    font-family: ui-monospace, monospace;
    color: var(--_danger);
    border: 2px dashed var(--_danger);
    padding: 0.5em;
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .badge {
    display: inline-block;
    padding: 0.05em 0.65em;
    border-radius: 999px;
    font-size: max(0.875rem, 14px);
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
    border: 1px solid;
    background: color-mix(in srgb, currentColor 10%, var(--_surface));
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    .button {
      background: ButtonFace;
      color: ButtonText;
      border: 1px solid ButtonText;
    }
    .button:disabled,
    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    .button:hover {
      background: ButtonFace;
      border-color: Highlight;
    }
    a {
      color: LinkText;
    }
    .badge {
      color: CanvasText;
    }
  }
`;
