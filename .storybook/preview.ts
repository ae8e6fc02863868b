import type { Decorator, Preview } from '@storybook/web-components';
import { setCustomElementsManifest } from '@storybook/web-components';
import manifest from '../custom-elements.json';

type Json = Record<string, unknown>;

/**
 * The controls come from custom-elements.json (generated from the elements' JSDoc), minus what
 * is not public API: private and protected members, and fields that only mirror an attribute
 * (the attribute row documents and controls them).
 */
function publicManifest(source: Json): Json {
  const copy = structuredClone(source) as { modules?: { declarations?: Json[] }[] };
  for (const module of copy.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      const members = declaration['members'] as Json[] | undefined;
      if (!members) continue;
      declaration['members'] = members.filter((member) => {
        const name = String(member['name'] ?? '');
        if (member['privacy'] === 'private' || member['privacy'] === 'protected') return false;
        if (name.startsWith('#') || name.startsWith('_')) return false;
        return member['attribute'] === undefined;
      });
    }
  }
  return copy as Json;
}

setCustomElementsManifest(publicManifest(manifest as Json));

/** Applies the toolbar's color scheme and text direction to the preview document. */
const withSchemeAndDirection: Decorator = (story, { globals }) => {
  const root = document.documentElement;
  root.style.colorScheme = globals['scheme'] === 'dark' ? 'dark' : 'light';
  root.dir = globals['dir'] === 'rtl' ? 'rtl' : 'ltr';
  return story();
};

const preview: Preview = {
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
  },
};

export default preview;
