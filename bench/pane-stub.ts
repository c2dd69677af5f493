/**
 * The Office host of bench/pane.ts, in the browser: the strict fake holding a workbook with as
 * many findings as `?findings=N` asks (test/fixtures/many-findings.ts), and a record of when the
 * fake itself is at work (its syncs run in the page's thread, where real Excel works in its own
 * process), so that the benchmark can tell the pane's blocking time from the stand-in host's.
 */
import { builtinRulebook } from "../src/engine/rulebook/builtin";
import { manyFindings } from "../test/fixtures/many-findings";
import { createFakeExcel, FakeRequestContext } from "../test/office/fake-excel";
import { installOffice } from "../test/e2e/office-globals";
import { fakeSheetsOf } from "../test/office/fake-host";

const n = Number(new URLSearchParams(location.search).get("findings") ?? 5000);
const fake = createFakeExcel(fakeSheetsOf(manyFindings(builtinRulebook(), n)));

/** [start, end] of each sync of the fake, on the page's performance timeline. */
const hostBusy: [number, number][] = [];
// Called with its own `this` below.
// eslint-disable-next-line @typescript-eslint/unbound-method
const sync = FakeRequestContext.prototype.sync;
FakeRequestContext.prototype.sync = function (this: FakeRequestContext) {
  const start = performance.now();
  try {
    return sync.call(this);
  } finally {
    const end = performance.now();
    hostBusy.push([start, end]);
    // On the trace's clock too (bench/pane.ts reads the trace).
    performance.measure("dean:host", { start, end });
  }
};

installOffice(fake, { __hostBusy: hostBusy });
