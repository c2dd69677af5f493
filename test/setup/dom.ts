/** jsdom lacks ResizeObserver, which Fluent UI's MessageBar uses for its layout; browsers have it. */
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver });
}
