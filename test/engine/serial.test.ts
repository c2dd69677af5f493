/** One Excel serial-date conversion (src/engine/dates/serial.ts), both ways, 1900's fictitious leap day included. */
import fc from "fast-check";
import { dayToSerial, isoToSerial, serialToDay, serialToIso } from "../../src/engine/dates/serial";
import { dateSerial, evaluateFormula } from "../../src/engine/templates/formula";
import { excelSerial } from "../../src/functions/library";

describe("serial → day", () => {
  it.each<[number, string | undefined]>([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-02-29"], // Excel shows 29/02/1900
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [45292.99, "2024-01-01"],
    [2958465, "9999-12-31"],
    [0, undefined],
    [-1, undefined],
    [2958466, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])("%d → %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
  });
});

describe("day → serial, as Excel's DATE", () => {
  it.each<[number, number, number, number]>([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60],
    [1900, 3, 1, 61],
    [1899, 12, 31, 0],
    [2024, 13, 1, 45658], // rolls over to 01/01/2025
    [2024, 3, 0, 45351], // last day of February 2024
  ])("DATE(%d,%d,%d) = %d", (y, m, d, serial) => {
    expect(dayToSerial(y, m, d)).toBe(serial);
    expect(dateSerial(y, m, d)).toBe(serial);
  });

  it("round-trips every Excel date, before and after March 1900", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        const d = serialToDay(serial) as { year: number; month: number; day: number };
        expect(dayToSerial(d.year, d.month, d.day)).toBe(serial);
        expect(isoToSerial(serialToIso(serial) as string)).toBe(serial);
        expect(excelSerial(serialToIso(serial) as string)).toBe(serial);
      }),
    );
  });

  it("the template formulas read serials the same way", () => {
    expect(evaluateFormula("YEAR(60)*10000+MONTH(60)*100", {} as never)).toBe(19000200);
    expect(evaluateFormula("EOMONTH(45292,1)", {} as never)).toBe(45351);
  });
});
