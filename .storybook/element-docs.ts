import { createElement as h, Fragment } from 'react';
import {
  Controls,
  Description,
  Heading,
  Markdown,
  Primary,
  PureArgsTable,
  Stories,
  Subtitle,
  Title,
  useOf,
} from '@storybook/addon-docs/blocks';
import unions from 'virtual:billing-string-unions';
import manifest from '../custom-elements.json';
import { elementDeclaration, referenceArgTypes, type Manifest } from '../stories/manifest';

/**
 * The docs page of every story file (`tags: ['autodocs']`), generated from custom-elements.json
 * for the file's `component`: the element's summary and description, the first story with the
 * controls that make sense for it, the whole API (attributes, properties, methods, events,
 * slots, CSS custom properties, CSS parts), then every story.
 *
 * A story file without a component (the Theming page) gets the same page without the API table.
 */
export function ElementDocsPage() {
  const { preparedMeta, csfFile } = useOf('meta', ['meta']);
  const tag = typeof preparedMeta.component === 'string' ? preparedMeta.component : undefined;
  const declaration = tag ? elementDeclaration(manifest as Manifest, tag) : undefined;
  const several = Object.keys(csfFile.stories).length > 1;
  return h(
    Fragment,
    null,
    h(Title),
    declaration?.summary ? h(Subtitle, null, declaration.summary) : h(Subtitle),
    declaration?.description ? h(Markdown, null, declaration.description) : null,
    h(Description, { of: 'meta' }),
    h(Primary),
    h(Controls),
    declaration && tag
      ? h(
          Fragment,
          null,
          h(Heading, null, `API of <${tag}>`),
          h(PureArgsTable, { rows: referenceArgTypes(manifest as Manifest, tag, unions), sort: 'none' }),
        )
      : null,
    several ? h(Stories) : null,
  );
}
