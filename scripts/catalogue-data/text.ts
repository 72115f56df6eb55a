/** Values for a template's `{slot}` placeholders; a missing value leaves the slot unfillable. */
export type Slots = Partial<Record<string, string>>;

const SLOT = /\{(\w+)\}/g;
const TITLE_SMALL_WORDS = new Set('a an and at by de for in of on or the to with'.split(' '));

/** Upper-cases the first character. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Title-cases a phrase, hyphenated parts included; small words stay lower case after the first. */
export function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, wordIndex) => {
      const parts = word.split('-');
      return parts
        .map((part, partIndex) => {
          // Only words inside a phrase stay small: "Roll-and-Move", but "In-Mould" and "Leave-In".
          const inner =
            parts.length === 1 ? wordIndex > 0 : partIndex > 0 && partIndex < parts.length - 1;
          return inner && TITLE_SMALL_WORDS.has(part) ? part : capitalise(part);
        })
        .join('-');
    })
    .join(' ');
}

function takesAn(word: string): boolean {
  // Acronyms spelt letter by letter go by the sound of their first letter ("an LED", "a USB").
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) && !/^(?:MIPS|HIIT)/.test(word);
  if (/^(?:one|once|uni|use|usu|uti)/i.test(word)) return false;
  return /^(?:[aeiou]|8|11(?!\d)|18(?!\d)|heir|hour|honest)/i.test(word);
}

/** Turns "a" into "an" before words that start with a vowel sound, once slots are filled. */
export function fixArticles(text: string): string {
  return text.replace(/\b([Aa]) (\S+)/g, (match, article: string, word: string) =>
    takesAn(word) ? `${article}n ${word}` : match,
  );
}

/** Whether every placeholder in the template has a value. */
export function canFill(template: string, slots: Slots): boolean {
  for (const [, key] of template.matchAll(SLOT)) {
    if (key === undefined || slots[key] === undefined) return false;
  }
  return true;
}

/** Replaces each `{slot}` placeholder with its value; throws if one is missing. */
export function fill(template: string, slots: Slots): string {
  return template.replace(SLOT, (placeholder, key: string) => {
    const value = slots[key];
    if (value === undefined) throw new Error(`No value for ${placeholder} in "${template}".`);
    return value;
  });
}
