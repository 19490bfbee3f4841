import { describe, expect, it } from 'vitest';
import { hasBidiControls, showBidiControls } from '../../../src-shared/formats/bidi-controls';

describe('showBidiControls: names in <option> elements, which cannot be isolated', () => {
  it('shows each bidi control as its code point, so the name reads in the order it is stored', () => {
    expect(showBidiControls('cod\u202Eexe.doc')).toBe('cod[U+202E]exe.doc');
    expect(showBidiControls('\u2067Ana\u2069 \u202Ax\u202C')).toBe('[U+2067]Ana[U+2069] [U+202A]x[U+202C]');
    expect(hasBidiControls(showBidiControls('a\u202Eb\u2066c'))).toBe(false);
  });

  it('leaves every other name as it is, right-to-left scripts included', () => {
    for (const name of ['PERSON', 'فاطمة', 'שלום world', 'Café 🚋', 'a\u200Fb']) expect(showBidiControls(name)).toBe(name);
  });
});
