// Summarises a V8 CPU profile (CDP Profiler.stop) taken by `npm run bench -- --profile`: where the sampled
// time went, by function (name + source file:line:column), self time and inclusive time (each sample counted
// once per function on its stack). "(idle)" is time the thread had nothing to run, e.g. waiting for IndexedDB.
// The built worker is minified, so names are mangled: `codeAt(url, line, col)` (given by the caller) returns
// the source text at the function's start, which says what it is.

export function summariseProfile(profile, { top = 12, codeAt } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const meta = new Map();
  const keyOf = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    const k = `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
    if (!meta.has(k)) meta.set(k, f);
    return k;
  };
  const self = new Map();
  const incl = new Map();
  let total = 0;
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    const us = deltas[i + 1] ?? 0; // a sample's time is the gap to the next one
    total += us;
    let id = profile.samples[i];
    const k0 = keyOf(byId.get(id));
    self.set(k0, (self.get(k0) ?? 0) + us);
    const seen = new Set();
    while (id !== undefined) {
      const k = keyOf(byId.get(id));
      if (!seen.has(k)) {
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + us);
      }
      id = parent.get(id);
    }
  }
  const ms = (us) => Math.round(us / 1000);
  const list = (m) =>
    [...m]
      .filter(([k]) => k !== '(root)' && k !== '(program)' && k !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => {
        const f = meta.get(fn);
        const code = codeAt && f?.url ? codeAt(f.url, f.lineNumber, f.columnNumber) : undefined;
        return code ? { fn, ms: ms(us), code } : { fn, ms: ms(us) };
      });
  return {
    spanMs: ms(profile.endTime - profile.startTime),
    sampledMs: ms(total),
    idleMs: ms(self.get('(idle)') ?? 0),
    programMs: ms(self.get('(program)') ?? 0),
    gcMs: ms(self.get('(garbage collector)') ?? 0),
    self: list(self),
    inclusive: list(incl)
  };
}
