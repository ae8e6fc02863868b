import { css } from 'lit';

/**
 * The shared rules only element views use (each view adopts this sheet beside its own when it
 * loads; the shell's sheet, `sharedStyles`, carries the tokens these rules read). A module of its
 * own so that no tag entry pays for it up front.
 */
/*
 * Notes on the rules below (kept out of the css template: comments there ship to browsers):
 * - .visually-hidden: read by screen readers, not shown; never wider than 1px wherever it sits, so
 *   it can't widen the page (reflow at 320px).
 * - .badge: a status pill, 14px or more, tinted with its own color, with a border forced colors keep.
 * - forced colors: system colors only.
 */
export const viewStyles = css`
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  a:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
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
    .button:disabled,
    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    a {
      color: LinkText;
    }
    .badge {
      color: CanvasText;
    }
  }
`;
