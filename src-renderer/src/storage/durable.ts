// Strict durability for the transactions that must survive a power cut once they say they
// are done: imports and restores. Chrome commits "relaxed" by default since version 121
// (done once the operating system has the data, before it reaches the disk). Dexie 4.4 sets
// durability per database object only (`chromeTransactionDurability`), not per transaction,
// so critical writes go through a second connection to the same database that asks for
// "strict"; everyday annotation stays on the relaxed one, where a flush per keystroke would
// cost time and battery for little (a lost last edit, never a half-written one). Both
// connections declare the same versions, and Dexie tells live queries of one about the
// writes of the other (same database name). Schema upgrades need nothing: Chromium always
// commits a version change transaction strictly.
import { SpanwrightDatabase } from './database';

const twins = new WeakMap<SpanwrightDatabase, SpanwrightDatabase>();

/** The same database, through a connection whose read-write transactions commit strictly. */
export function strictDurability(db: SpanwrightDatabase): SpanwrightDatabase {
  let twin = twins.get(db);
  if (!twin) {
    twin = new SpanwrightDatabase(db.name, { ...db._options, chromeTransactionDurability: 'strict' });
    twins.set(db, twin);
  }
  return twin;
}
