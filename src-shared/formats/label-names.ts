// Label names that formats with space-separated fields can write (brat `.ann`, CoNLL columns).

/** A label with no white space and not empty. */
export function isSingleWordLabel(label: string): boolean {
  return /^[^\s]+$/u.test(label);
}
