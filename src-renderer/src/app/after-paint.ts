// Work that may wait for the screen: a label's write to the database starts after the frame that
// shows the label, so the key's task is the change on screen alone. A hidden window paints no
// frames (requestAnimationFrame waits), so a timer lets the work start anyway.

/** Most a caller waits for a frame. */
const NO_FRAME_MS = 100;

/** Resolves just after the next frame is painted, or after NO_FRAME_MS when none comes. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, NO_FRAME_MS);
    // A frame's callbacks run before it is painted; a task queued there runs after.
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
