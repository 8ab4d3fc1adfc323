/** A ResizeObserver the test delivers by hand (the browser's runs after its layout): see after-layout.ts. */
export class HandObserver {
  static all: HandObserver[] = [];
  observed = new Set<Element>();
  observeCalls = 0;
  constructor(private readonly callback: () => void) {
    HandObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.add(el);
    this.observeCalls++;
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  /** One rendering step: the observations active now are delivered. */
  deliver() {
    if (this.observed.size === 0) return;
    this.observed.clear();
    this.callback();
  }
}
