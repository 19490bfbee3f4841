// The project's labels as an import sees them: the layer of a label name, and the names a
// file uses that the project lacks (listed for the user to create).
import { LAYERS, type AttributeDefinition, type Label, type LayerId, type SpanDraft } from '../domain';
import type { UnknownLabel } from './import-result';

export class LabelIndex {
  private readonly known = new Map<string, LayerId>();
  private readonly attributes = new Map<string, readonly AttributeDefinition[]>();
  private readonly unknownCounts = new Map<string, UnknownLabel>();

  constructor(labels: readonly Label[]) {
    for (const label of labels) {
      this.known.set(label.name, label.layer);
      this.attributes.set(label.name, label.attributes ?? []);
    }
  }

  /** The attributes the project defines for a label's spans (none for an unknown label). */
  attributesOf(name: string): readonly AttributeDefinition[] {
    return this.attributes.get(name) ?? [];
  }

  /** The project's layer for a known label, else the file's layer, else `claim` for "claim", else `entity`. */
  layerOf(name: string, fileLayer: unknown): LayerId {
    const known = this.known.get(name);
    if (known) return known;
    if (LAYERS.includes(fileLayer as LayerId)) return fileLayer as LayerId;
    return name.toLowerCase() === 'claim' ? 'claim' : 'entity';
  }

  count(spans: readonly SpanDraft[]): void {
    for (const span of spans) {
      if (this.known.has(span.label)) continue;
      const layer = span.layer ?? 'entity';
      const key = `${layer}\u0000${span.label}`;
      const entry = this.unknownCounts.get(key);
      if (entry) entry.count++;
      else this.unknownCounts.set(key, { name: span.label, layer, count: 1 });
    }
  }

  /** The project's label names (they are accepted by an import whatever rule made them). */
  knownNames(): ReadonlySet<string> {
    return new Set(this.known.keys());
  }

  unknown(): UnknownLabel[] {
    return [...this.unknownCounts.values()];
  }
}
