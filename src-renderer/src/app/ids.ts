// Fresh ids for stored records (random UUIDs: unique across teammates' machines).
export function newId(): string {
  return crypto.randomUUID();
}
