// Where a rule's documentation lives: derived from the id, never written in a rule file.

const DOCS = 'https://github.com/cilint/cilint/blob/main/docs/rules.md';

/** The rules page, or one rule's section of it. */
export function ruleDocsUrl(id?: string): string {
  return id ? `${DOCS}#${id}` : DOCS;
}
