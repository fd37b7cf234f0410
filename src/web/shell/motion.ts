// Motion follows the user's system setting: with "reduce motion" asked for
// (prefers-reduced-motion), Ant Design's transitions and the charts' drawing
// animations are off. The browser journeys ask for it too (decision 0850).
export const reducedMotion: boolean = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
