// One tab per station writes the Dexie index: the holder of a Web Lock. The lock is released only when the
// tab goes away, and the next tab waiting for it takes over (and re-checks every shard's watermark).
export interface Leadership {
  isLeader(): boolean;
  onLeader(cb: () => void): void;
}

export function webLockLeadership(lockName: string, locks: LockManager | undefined): Leadership {
  let leader = !locks;
  const callbacks: (() => void)[] = [];
  if (locks)
    void locks.request(lockName, () => {
      leader = true;
      for (const cb of callbacks) cb();
      return new Promise<void>(() => undefined);
    });
  return {
    isLeader: () => leader,
    onLeader: (cb) => {
      callbacks.push(cb);
      if (leader) cb();
    }
  };
}

export const alwaysLeader: Leadership = { isLeader: () => true, onLeader: (cb) => cb() };
