// What makes an annotator's name acceptable, typed (the identity dialog) or imported with a
// teammate's work: the same rule for both, so a file cannot bring a name nobody could type.
import { nameCharactersProblem } from './name-characters';

export const MAX_ANNOTATOR_NAME_LENGTH = 80;

/** Why `name` (as it will be stored: trimmed) cannot name an annotator, or null. */
export function annotatorNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'An annotator needs a name.';
  if (trimmed.length > MAX_ANNOTATOR_NAME_LENGTH) return `An annotator’s name can be at most ${MAX_ANNOTATOR_NAME_LENGTH} characters.`;
  // Markup in a name is a sign of a hostile file; no person's name needs < or >.
  if (/[<>]/u.test(trimmed)) return 'An annotator’s name cannot hold < or >.';
  const characters = nameCharactersProblem(trimmed);
  return characters === null ? null : `An annotator’s name is refused: ${characters}`;
}
