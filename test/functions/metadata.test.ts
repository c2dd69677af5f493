/**
 * functions.json as the build generates it from the JSDoc of src/functions/functions.ts: the
 * eight DEAN.* ids, Vietnamese descriptions, optional parameters marked optional; and the
 * English descriptions cover every function and parameter.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import en from "../../src/functions/descriptions.en.json";
import * as fns from "../../src/functions/functions";

interface Param {
  name: string;
  description?: string;
  type: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string };
}

const SOURCE = path.join(__dirname, "../../src/functions/functions.ts");
/** Letters only Vietnamese uses (or with its diacritics). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const IDS = ["COST", "UNITPRICE", "EXPECTED", "ELIGIBLE", "CREDITS", "RETIREMENT", "MONTHSLEFT", "WORDS"];
const OPTIONAL: Record<string, string[]> = {
  COST: ["year", "unit"],
  UNITPRICE: ["year", "unit"],
  EXPECTED: ["year"],
  MONTHSLEFT: ["from"],
};
const RESULT: Record<string, string | undefined> = {
  COST: "number",
  UNITPRICE: "number",
  EXPECTED: "number",
  ELIGIBLE: "boolean",
  CREDITS: "number",
  RETIREMENT: "number",
  MONTHSLEFT: "number",
  WORDS: "string",
};

let functions: Fn[] = [];
let associate: { functionName: string; id: string }[] = [];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(SOURCE);
  expect(r.errors).toEqual([]);
  functions = (JSON.parse(r.metadataJson) as { functions: Fn[] }).functions;
  associate = r.associate;
});

it("has the eight DEAN.* ids, named as their ids", () => {
  expect(functions.map((f) => f.id)).toEqual(IDS);
  for (const f of functions) expect(f.name).toBe(f.id);
});

it("associates each id with the exported function of that name", () => {
  const names: Record<string, string> = {
    COST: "cost",
    UNITPRICE: "unitPrice",
    EXPECTED: "expected",
    ELIGIBLE: "eligible",
    CREDITS: "credits",
    RETIREMENT: "retirement",
    MONTHSLEFT: "monthsLeft",
    WORDS: "words",
  };
  expect(Object.fromEntries(associate.map((a) => [a.id, a.functionName]))).toEqual(names);
  for (const n of Object.values(names)) expect(typeof (fns as Record<string, unknown>)[n]).toBe("function");
});

it.each(IDS)("%s: Vietnamese description and help on every parameter", (id) => {
  const f = functions.find((x) => x.id === id)!;
  expect(f.description).toMatch(VIETNAMESE);
  for (const p of f.parameters)
    expect([p.name, p.description]).toEqual([p.name, expect.stringMatching(/\S/)]);
  expect(f.parameters.some((p) => VIETNAMESE.test(p.description ?? ""))).toBe(true);
});

it.each(IDS)("%s: optional parameters are marked optional, the others are not", (id) => {
  const f = functions.find((x) => x.id === id)!;
  const optional = f.parameters.filter((p) => p.optional).map((p) => p.name);
  expect(optional).toEqual(OPTIONAL[id] ?? []);
  // Optional parameters come last, as Excel requires.
  const firstOptional = f.parameters.findIndex((p) => p.optional);
  if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
});

it.each(IDS)("%s: parameters reach the library as they are (type any) and the result is typed", (id) => {
  const f = functions.find((x) => x.id === id)!;
  for (const p of f.parameters) expect(p.type).toBe("any");
  expect(f.result?.type).toBe(RESULT[id]);
});

it("RETIREMENT tells the user to format the cell as a date", () => {
  expect(functions.find((f) => f.id === "RETIREMENT")!.description).toMatch(/định dạng ô kiểu ngày/);
});

describe("descriptions.en.json", () => {
  const table = en as Record<
    string,
    { description: string; parameters: Record<string, string>; result?: string }
  >;

  it("covers exactly the eight ids", () => {
    expect(Object.keys(table).sort()).toEqual([...IDS].sort());
  });

  it.each(IDS)("%s: an English description and help for exactly its parameters", (id) => {
    const f = functions.find((x) => x.id === id)!;
    const e = table[id];
    expect(e.description).toMatch(/\w{3,}/);
    expect(Object.keys(e.parameters)).toEqual(f.parameters.map((p) => p.name));
    for (const text of Object.values(e.parameters)) expect(text).toMatch(/\w{3,}/);
  });
});
