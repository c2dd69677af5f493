/** The formula evaluator that computes the templates' cached results: Excel's semantics where templates rely on them. */
import {
  dateSerial,
  evaluateFormula,
  formulaFunctions,
  FormulaSyntaxError,
  renameSheetRefs,
  type Scalar,
} from "../../src/engine/templates/formula";

/** A sheet "S" (and "Bảng 2") given as rows of values. */
function ev(formula: string, rows: Scalar[][] = [], other: Scalar[][] = []) {
  return evaluateFormula(formula, {
    sheet: "S",
    cell: (sheet, r, c) => (sheet === "S" ? rows : other)[r]?.[c] ?? null,
    functions: { "DEAN.TWICE": ([x]) => (typeof x === "number" ? 2 * x : { error: "#VALUE!" }) },
  });
}

describe("template formulas", () => {
  it("arithmetic, precedence, SUM over ranges (texts and blanks ignored)", () => {
    expect(ev("1+2*3-4/2")).toBe(5);
    expect(ev("-2^2")).toBe(4);
    expect(
      ev("SUM(A1:B2)*C1", [
        [1, "x", 3],
        [null, 4],
      ]),
    ).toBe(15);
    expect(ev("SUM(A1:A3,5)", [[1], [2], [3]])).toBe(11);
    expect(ev('A1&"-"&B1', [["TC", "ĐH"]])).toBe("TC-ĐH");
    expect(ev("A1", [[null]])).toBe(0);
  });

  it("ROUND half away from zero, as Excel", () => {
    expect(ev("ROUND(2551.5,0)")).toBe(2552);
    expect(ev("ROUND(-2.5,0)")).toBe(-3);
    expect(ev("ROUND(100*13.265,0)")).toBe(1327);
    expect(ev("ROUND(1312.745,2)")).toBe(1312.75);
  });

  it('comparisons: blank equals "" and 0, texts case-insensitively, numbers before texts', () => {
    expect(ev('A1=""', [[null]])).toBe(true);
    expect(ev("A1=0", [[null]])).toBe(true);
    expect(ev('A1=""', [[0]])).toBe(false);
    expect(ev('A1="nữ"', [["Nữ"]])).toBe(true);
    expect(ev('1<"a"')).toBe(true);
    expect(ev('IF(OR(A1="",B1=""),"",1)', [[1, null]])).toBe("");
    expect(ev("AND(1,TRUE,A1)", [[0]])).toBe(false);
  });

  it("INDEX and MATCH (exact match only), across sheets", () => {
    const table: Scalar[][] = [
      [null, "Nam", "Nữ"],
      [23461, 720, 660],
      [23462, 720, 660],
    ];
    expect(
      ev(
        "INDEX('Bảng 2'!$B$2:$C$3,MATCH(23462,'Bảng 2'!$A$2:$A$3,0),MATCH(\"nữ\",'Bảng 2'!$B$1:$C$1,0))",
        [],
        table,
      ),
    ).toBe(660);
    expect(ev("MATCH(5,A1:A2,0)", [[1], [2]])).toEqual({ error: "#N/A" });
    expect(ev("INDEX(A1:A2,3)", [[1], [2]])).toEqual({ error: "#REF!" });
    expect(() => ev("MATCH(1,A1:A2,1)", [[1], [2]])).toThrow("MATCH");
  });

  it("dates: DATE, YEAR, MONTH, EOMONTH on Excel serials", () => {
    expect(dateSerial(1965, 9, 15)).toBe(24000);
    expect(ev("DATE(2027,6,30)")).toBe(dateSerial(2027, 6, 30));
    expect(ev("EOMONTH(A1,741)", [[dateSerial(1965, 9, 15)]])).toBe(dateSerial(2027, 6, 30));
    expect(ev("EOMONTH(A1,1)", [[dateSerial(2024, 1, 31)]])).toBe(dateSerial(2024, 2, 29));
    expect(ev("YEAR(A1)*12+MONTH(A1)", [[dateSerial(1966, 4, 1)]])).toBe(1966 * 12 + 4);
  });

  it("errors propagate, IFERROR catches them, ISBLANK sees empty cells only", () => {
    expect(ev("1/0")).toEqual({ error: "#DIV/0!" });
    expect(ev('""+1')).toEqual({ error: "#VALUE!" });
    expect(ev("IFERROR(1/0,7)")).toBe(7);
    expect(ev("SUM(A1:A2)", [[{ error: "#N/A" }], [1]])).toEqual({ error: "#N/A" });
    expect(ev("ISBLANK(A1)", [[null]])).toBe(true);
    expect(ev("ISBLANK(A1)", [[""]])).toBe(false);
    expect(ev("MAX(A1:A3)+1", [["STT"], [""], [2]])).toBe(3);
    expect(ev("MIN(MAX(5,10),8)")).toBe(8);
  });

  it("custom functions are the caller's; an unknown one is #NAME?", () => {
    expect(ev("dean.twice(A1)", [[21]])).toBe(42);
    expect(ev("XLOOKUP(1,A1:A2,B1:B2)")).toEqual({ error: "#NAME?" });
    expect(formulaFunctions('ROUND(DEAN.COST("x","MN",C8,2027,1000000)+SUM(A1:A2),0)')).toEqual([
      "ROUND",
      "DEAN.COST",
      "SUM",
    ]);
  });

  it("syntax errors throw (a template never holds a formula it cannot compute)", () => {
    expect(() => ev("SUM(A1")).toThrow(FormulaSyntaxError);
    expect(() => ev("1 +")).toThrow(FormulaSyntaxError);
    expect(() => ev("A1 B1")).toThrow(FormulaSyntaxError);
    expect(() => ev("'Bảng 2'")).toThrow(FormulaSyntaxError);
  });

  it("renames sheet references, quoted or not, and nothing else", () => {
    const f = `IF(A1="Bảng tuổi!",INDEX('Bảng tuổi'!$A$1:$B$2,1,1)+Other!A1,'bảng TUỔI'!C3)`;
    expect(renameSheetRefs(f, (s) => (s.toLowerCase() === "bảng tuổi" ? "'Bảng tuổi (2)'" : undefined))).toBe(
      `IF(A1="Bảng tuổi!",INDEX('Bảng tuổi (2)'!$A$1:$B$2,1,1)+Other!A1,'Bảng tuổi (2)'!C3)`,
    );
  });
});
