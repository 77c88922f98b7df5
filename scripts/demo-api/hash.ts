// Deterministic pseudo-randomness: the demo must give the same numbers on every run and machine,
// so noise comes from hashing a seed string, never from Math.random.

/** Maps a seed string to a number in [0, 1) (FNV-1a, then a murmur3 finaliser to spread bits). */
export function unitHash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** Fisher–Yates shuffle driven by `unitHash(seed|i)`: a stable "random" order for a given seed. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(unitHash(`${seed}|${i}`) * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
