/**
 * One read per burst of events. Typing, a paste, or a dropdown pick raises several events close together
 * (onChanged for each range, onCalculated after the formulas recompute, and on the web only the latter); each says
 * only "something changed", so the pane reads the followed sheet once, `quietMs` after the last of them. An event
 * that arrives while a read is under way asks for one more read after it, since that read may have missed it.
 */
export interface Burst {
  /** Something changed: read once things are quiet. */
  poke(): void;
  /** Stops: no read starts after this. */
  stop(): void;
}

export function burst(read: () => Promise<void>, quietMs: number, onError: (e: unknown) => void): Burst {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reading = false;
  let again = false;
  let stopped = false;
  const fire = async () => {
    timer = null;
    reading = true;
    try {
      await read();
    } catch (e) {
      onError(e);
    } finally {
      reading = false;
    }
    if (again && !stopped) {
      again = false;
      poke();
    }
  };
  const poke = () => {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void fire(), quietMs);
  };
  return {
    poke,
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
