// Transitions honour prefers-reduced-motion: Svelte's in:/out: take a duration from here
// (0 when the user asked for less motion); CSS moves use a media query in each component.
export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** `ms`, or 0 when the user prefers reduced motion. */
export function motionMs(ms: number): number {
  return reducedMotion() ? 0 : ms;
}
