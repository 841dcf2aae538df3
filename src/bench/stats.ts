/** The q-quantile of a sample (0.5: the median, 0.99: p99), nearest rank; NaN for none. */
export const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
