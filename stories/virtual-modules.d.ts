/** Provided by .storybook/main.ts: the string-literal type aliases of src/ (see .storybook/string-unions.ts). */
declare module 'virtual:billing-string-unions' {
  const unions: Readonly<Record<string, readonly string[]>>;
  export default unions;
}
