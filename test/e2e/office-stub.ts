/**
 * Stands in for Office's office.js in the browser end-to-end test: Office and Excel globals
 * backed by the strict fake, holding the seed workbook as printed. The test serves this file in
 * place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 */
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { createFakeExcel } from "../office/fake-excel";
import { fakeSheetsOf } from "../office/fake-host";

const fake = createFakeExcel(fakeSheetsOf(seed2026AsPrinted()));

Object.assign(globalThis, {
  __fake: fake,
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
  Excel: { run: fake.run },
  CustomFunctions: {
    associate: () => undefined,
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  },
});
