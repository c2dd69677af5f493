/**
 * The Office globals a stub of office.js sets in the browser (the browser test's office-stub.ts,
 * the benchmark's bench/pane-stub.ts): Office and Excel backed by the strict fake, and the
 * CustomFunctions calls the shared runtime makes at start-up.
 */
import type { FakeExcel } from "../office/fake-excel";

export function installOffice(fake: FakeExcel, extra: Record<string, unknown> = {}): void {
  Object.assign(globalThis, {
    __fake: fake,
    ...extra,
    Office: {
      onReady: (cb?: () => void) => {
        cb?.();
        return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
      },
      context: {
        document: { settings: fake.settings },
        requirements: {
          isSetSupported: (name: string, v: string) => fake.isSetSupported(name, v),
        },
      },
    },
    Excel: { run: fake.run.bind(fake) },
    CustomFunctions: {
      associate: () => undefined,
      Error: class extends Error {},
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
  });
}
