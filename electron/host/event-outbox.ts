import type { JxmbEvents } from '../../shared/ipc';

/**
 * Events from main to one renderer page, held back until the page has subscribed to that
 * event (the preload reports each subscription): a file named on the command line is sent
 * right after start, when React may not be listening yet. A plain module shared by the
 * Electron window and the browser host.
 */
export class EventOutbox {
  private readonly subscribed = new Set<string>();
  private queue: { event: keyof JxmbEvents; payload: unknown }[] = [];

  constructor(private readonly deliver: (event: keyof JxmbEvents, payload: unknown) => void) {}

  /** Sends now if the page listens for `event`, else keeps it for later. */
  emit<E extends keyof JxmbEvents>(event: E, payload: JxmbEvents[E]): void {
    if (this.subscribed.has(event)) this.deliver(event, payload);
    else this.queue.push({ event, payload });
  }

  /** The page subscribed to `event`: deliver what was waiting for it, in order. */
  markSubscribed(event: string): void {
    this.subscribed.add(event);
    const ready = this.queue.filter((q) => q.event === event);
    this.queue = this.queue.filter((q) => q.event !== event);
    for (const q of ready) this.deliver(q.event, q.payload);
  }

  /** The page reloaded: subscriptions are gone (queued events stay). */
  reset(): void {
    this.subscribed.clear();
  }

  /** Whether the page listens for an event (e.g. close requests). */
  listens(event: keyof JxmbEvents): boolean {
    return this.subscribed.has(event);
  }
}
