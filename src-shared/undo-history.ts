// A bounded undo/redo history of reversible changes. Generic, so any change type fits.
export class UndoHistory<Change> {
  private readonly done: Change[] = [];
  private readonly undone: Change[] = [];

  constructor(private readonly limit = 500) {}

  /** Records a change that has just been applied; it clears the redo side. */
  record(change: Change): void {
    this.done.push(change);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** The change to revert next, moved to the redo side. */
  takeUndo(): Change | undefined {
    const change = this.done.pop();
    if (change !== undefined) this.undone.push(change);
    return change;
  }

  /** The change to re-apply next, moved back to the undo side. */
  takeRedo(): Change | undefined {
    const change = this.undone.pop();
    if (change !== undefined) this.done.push(change);
    return change;
  }

  /** Puts a change back where it came from when applying it failed. */
  restoreUndo(change: Change): void {
    if (this.undone[this.undone.length - 1] === change) this.undone.pop();
    this.done.push(change);
  }

  /** Forgets a recorded change that could not be applied. */
  discard(change: Change): void {
    const at = this.done.lastIndexOf(change);
    if (at !== -1) this.done.splice(at, 1);
  }

  restoreRedo(change: Change): void {
    if (this.done[this.done.length - 1] === change) this.done.pop();
    this.undone.push(change);
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }
}
