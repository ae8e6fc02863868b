import type { ArgTypes, Decorator, Preview } from '@storybook/web-components';
import { setCustomElementsManifest } from '@storybook/web-components';
import unions from 'virtual:billing-string-unions';
import manifest from '../custom-elements.json';
import { controlArgTypes, type Manifest } from '../stories/manifest';
import { ElementDocsPage } from './element-docs';

/**
 * The manifest feeds the elements' descriptions; the argTypes come from stories/manifest.ts: a
 * control per attribute (a select where its type is a set of strings), an action per event,
 * nothing for parts, objects, read-only state or methods (the docs page's API table lists
 * those, see element-docs.ts).
 */
setCustomElementsManifest(manifest);

const extractArgTypes = (component: unknown): ArgTypes | null =>
  typeof component === 'string' ? controlArgTypes(manifest as Manifest, component, unions) : null;

/** Applies the toolbar's color scheme and text direction to the preview document. */
const withSchemeAndDirection: Decorator = (story, { globals }) => {
  const root = document.documentElement;
  root.style.colorScheme = globals['scheme'] === 'dark' ? 'dark' : 'light';
  root.dir = globals['dir'] === 'rtl' ? 'rtl' : 'ltr';
  return story();
};

const preview: Preview = {
  // A docs page per story file (per element, plus the Theming page).
  tags: ['autodocs'],
  decorators: [withSchemeAndDirection],
  globalTypes: {
    scheme: {
      description: 'Color scheme of the host page (the elements follow it)',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the host page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right (ltr)' },
          { value: 'rtl', title: 'Right to left (rtl)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { scheme: 'light', dir: 'ltr' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { extractArgTypes, page: ElementDocsPage },
    // The accessibility panel (axe) checks the story's root; findings show there, they don't fail the build.
    a11y: { test: 'todo' },
  },
};

export default preview;
