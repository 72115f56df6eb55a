/**
 * How long the strip must have been fully visible before a pick counts in isolated mode: long
 * enough that a frame made visible at the moment of the click (to look legitimate) does not pass,
 * short enough that no visitor notices.
 */
export const VISIBLE_FOR_MS = 500;

/** The entry fields of IntersectionObserver v2, which TypeScript's DOM types lack. */
interface VisibilityEntry {
  isVisible?: boolean;
  isIntersecting: boolean;
  time: number;
}

/** Whether this browser reports occlusion, opacity and filters (IntersectionObserver v2). */
export function canTrackVisibility(): boolean {
  return (
    typeof IntersectionObserverEntry !== 'undefined' &&
    'isVisible' in IntersectionObserverEntry.prototype
  );
}

/**
 * Decides whether a click on the isolated frame's strip may count as a pick. A host page can
 * make the frame transparent, cover it, or slide it under the pointer over a decoy button, so
 * that one ordinary click picks the visitor's top personal item: the shop would learn it from
 * the select event, and a click the visitor never meant would be stored.
 *
 * With IntersectionObserver v2 (`trackVisibility`: Chromium), a pick counts only when the strip
 * has been on screen, unobscured and without opacity, filter or transform for VISIBLE_FOR_MS.
 * Elsewhere the browser cannot say whether the frame is obscured; the stated rule there is that
 * the strip must have been in the viewport for VISIBLE_FOR_MS (a frame slid in at the click does
 * not pass; a transparent or covered one does, which docs/known-limits.md says).
 */
export class PickGuard {
  private since: number | null = null;
  private readonly observer: IntersectionObserver;
  readonly tracksVisibility = canTrackVisibility();

  constructor(
    target: Element,
    private readonly now: () => number = () => performance.now(),
  ) {
    // trackVisibility needs a delay of at least 100 ms between reports.
    const options = this.tracksVisibility
      ? ({ trackVisibility: true, delay: 100 } as IntersectionObserverInit)
      : {};
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries as unknown as VisibilityEntry[]) this.observe(entry);
    }, options);
    this.observer.observe(target);
  }

  /** Records one report of the observer (exposed for unit tests). */
  observe(entry: VisibilityEntry): void {
    const shown = this.tracksVisibility ? entry.isVisible === true : entry.isIntersecting;
    if (!shown) this.since = null;
    else this.since ??= entry.time;
  }

  /** Whether a click now may count as a pick. */
  allows(): boolean {
    return this.since !== null && this.now() - this.since >= VISIBLE_FOR_MS;
  }

  disconnect(): void {
    this.observer.disconnect();
  }
}
