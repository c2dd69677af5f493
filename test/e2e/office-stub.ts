/**
 * Stands in for Office's office.js in the browser end-to-end test: Office and Excel globals
 * backed by the strict fake, holding the seed workbook as printed, or (`?case=accept`) a cost
 * table and its draft copy "KP2026 (nháp)" with two wrong amounts each, on lines the rulebook does
 * not know. The test serves this file in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 */
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { seed2026AsPrinted } from "../fixtures/seed2026";
import { costLineOf, costSheet, workbook } from "../helpers/sheets";
import { createFakeExcel } from "../office/fake-excel";
import { fakeSheetsOf } from "../office/fake-host";
import { installOffice } from "./office-globals";

/** Two wrong amounts (J5: 21, J6: 22, both should be 20) on the real sheet and on its draft copy. */
function acceptCase(): WorkbookSnapshot {
  const real = costSheet(
    2026,
    [costLineOf("Bồi dưỡng kỹ năng A", 21), costLineOf("Bồi dưỡng kỹ năng B", 22)],
    { name: "PL6 KP 2026" },
  );
  return workbook(real, { ...real, name: "KP2026 (nháp)" });
}

const wanted = new URLSearchParams(location.search).get("case");
const fake = createFakeExcel(fakeSheetsOf(wanted === "accept" ? acceptCase() : seed2026AsPrinted()));

installOffice(fake);
