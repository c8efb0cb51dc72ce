/** A token's text made visible: spaces as "␣", newlines as "⏎", nothing as "∅". */
export function visibleToken(text: string): string {
  if (text === '') return '∅';
  return text.replace(/ /g, '␣').replace(/\n/g, '⏎').replace(/\t/g, '⇥');
}
