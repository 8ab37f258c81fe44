import { ValidationError } from '../errors.js';

/** Trims and de-duplicates tags (first occurrence wins); a tag that is blank once trimmed is refused. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    const trimmed = tag.trim();
    if (!trimmed) throw new ValidationError([{ field: `tags.${index}`, message: 'Tags must not be blank' }]);
    seen.add(trimmed);
  });
  return [...seen];
}
