// Clocks for the demo: a real one, or one that starts at a chosen instant and then runs at real
// speed, so a demo or screenshot can show a given hour while the current hour still grows.

export function clockStartingAt(startUtcMs: number, wallClock: () => number = Date.now): () => number {
  const offset = startUtcMs - wallClock();
  return () => wallClock() + offset;
}
