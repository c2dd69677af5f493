/**
 * Stands in for Office's office.js in the browser end-to-end test: Office and Excel globals
 * backed by the strict fake, holding the seed workbook as printed, or (`?case=accept`) a cost
 * table and its draft copy "KP2026 (nháp)" with two wrong amounts each, on lines the rulebook does
 * not know. The test serves this file in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 */
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { costSheet, workbook, type Row } from "../helpers/sheets";
import { createFakeExcel } from "../office/fake-excel";
import { fakeSheetsOf } from "../office/fake-host";

/** Two wrong amounts (J5: 21, J6: 22, both should be 20) on the real sheet and on its draft copy. */
function acceptCase(): WorkbookSnapshot {
  const line = (label: string, amount: number): Row => [
    "1",
    label,
    10,
    null,
    null,
    null,
    null,
    null,
    2,
    amount,
  ];
  const real = costSheet(2026, [line("Bồi dưỡng kỹ năng A", 21), line("Bồi dưỡng kỹ năng B", 22)], {
    name: "PL6 KP 2026",
  });
  return workbook(real, { ...real, name: "KP2026 (nháp)" });
}

const wanted = new URLSearchParams(location.search).get("case");
const fake = createFakeExcel(fakeSheetsOf(wanted === "accept" ? acceptCase() : seed2026AsPrinted()));

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
