/**
 * The strict fake itself: it must behave as Excel does (issue #15), or the adapter's tests prove
 * nothing. Each case is a behaviour of real Excel, named in fake-excel.ts with its source.
 */
import { apiAtLeast, createFakeExcel, FakeApiError, PAYLOAD_LIMIT, utf8Bytes } from "./fake-excel";

describe("the request model", () => {
  it("throws on a property read before load and sync, and applies writes only at sync", async () => {
    const fake = createFakeExcel([{ name: "A", values: [[1]] }]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("A").getRange("A1");
      expect(() => r.formulas).toThrow(/PropertyNotLoaded/);
      r.load("formulas");
      expect(() => r.formulas).toThrow(/PropertyNotLoaded/);
      r.values = [[2]];
      expect(fake.model.sheets[0].values.get("A1")).toBe(1);
      await ctx.sync();
      expect(fake.model.sheets[0].values.get("A1")).toBe(2);
    });
  });

  it("runs operations and loads in queue order: a load queued before a write sees the old value", async () => {
    const fake = createFakeExcel([{ name: "A", values: [[1]] }]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A");
      const before = ws.getRange("A1").load("values");
      ws.getRange("A1").values = [[2]];
      const after = ws.getRange("A1").load("values");
      await ctx.sync();
      expect(before.values).toEqual([[1]]);
      expect(after.values).toEqual([[2]]);
    });
  });

  it("makes a value just set readable on its proxy, as Office.js's setters keep it", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("A").getRange("B2");
      r.values = [["x"]];
      expect(r.values).toEqual([["x"]]);
      expect(() => r.formulas).toThrow(/PropertyNotLoaded/);
    });
  });

  it("ends Excel.run with a sync of what is still queued, and counts it", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1").values = [[5]];
    });
    expect(fake.model.sheets[0].values.get("A1")).toBe(5);
    expect(fake.syncs).toBe(1);
  });

  it("refuses a proxy used after its run, unless the run is re-entered with its context", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    let kept: { values: unknown } | undefined;
    const context = await fake.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem("A").getRange("A1");
      await ctx.sync();
      return ctx;
    });
    expect(() => ((kept as { values: unknown }).values = [[1]])).toThrow(/InvalidObjectPath/);
    await fake.run(context, async (ctx) => {
      (kept as { values: unknown }).values = [[1]];
      await ctx.sync();
    });
    expect(fake.model.sheets[0].values.get("A1")).toBe(1);
  });

  it("takes Excel.run's three forms and refuses a call without a batch", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    await expect(fake.run(async () => 1)).resolves.toBe(1);
    await expect(fake.run({ delayForCellEdit: true }, async () => 2)).resolves.toBe(2);
    const handler = await fake.run(async (ctx) => {
      const h = ctx.workbook.worksheets.onChanged.add(() => undefined);
      await ctx.sync();
      return h;
    });
    await expect(fake.run(handler, async () => 3)).resolves.toBe(3);
    await expect((fake.run as unknown as (x: unknown) => Promise<unknown>)({})).rejects.toThrow(
      /batch function/,
    );
  });

  it("compares requirement-set versions as numbers: 1.13 is above 1.9", () => {
    expect(apiAtLeast("1.13", "1.9")).toBe(true);
    expect(apiAtLeast("1.9", "1.13")).toBe(false);
    expect(apiAtLeast("1.10", "1.1")).toBe(true);
    const fake = createFakeExcel([], { excelApi: "1.13" });
    expect(fake.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.14")).toBe(false);
  });

  it("fails an API newer than the host at sync (ApiNotFound)", async () => {
    const fake = createFakeExcel([{ name: "A" }], { excelApi: "1.9" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").notes.add("A1", "x");
        await ctx.sync();
      }),
    ).rejects.toThrow(/ApiNotFound/);
  });
});

describe("payload size", () => {
  it("counts bytes as UTF-8 does (Node's encoder): Vietnamese letters, a letter and its combining mark, emoji, lone surrogates", () => {
    for (const text of [
      "",
      "abc",
      "Kinh phí đào tạo, bồi dưỡng năm 2026 — Sở GD&ĐT",
      "Tiếng Việt có dấu",
      "Vie\u0302\u0323t",
      "😀 ở 𠀀",
      "\ud83d",
      "\ude00x",
      "\ud83da",
    ])
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
  });

  it("counts UTF-8 bytes: a Vietnamese text fails where its character count would pass", async () => {
    const text = "Tiếng Việt có dấu ".repeat(20);
    expect(utf8Bytes(text)).toBeGreaterThan(text.length * 1.2);
    const rows = Math.ceil(PAYLOAD_LIMIT / text.length / 1.1);
    expect(rows * text.length).toBeLessThan(PAYLOAD_LIMIT);
    const fake = createFakeExcel([{ name: "A" }]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRangeByIndexes(0, 0, rows, 1).values = Array.from(
          { length: rows },
          () => [text],
        );
        await ctx.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  it("counts each operation's path: many small writes fail too", async () => {
    const fake = createFakeExcel([{ name: "Kết quả kiểm tra" }]);
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Kết quả kiểm tra");
        for (let i = 0; i < 60_000; i++)
          ws.getRangeByIndexes(i, 2, 1, 1).hyperlink = { documentReference: "A!A1" };
        await ctx.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });
});

describe("what users hit first", () => {
  it("fails a batch in cell-edit mode, or waits for the edit to end with delayForCellEdit", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    fake.beginCellEdit();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange("A1").load("values");
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidOperationInCellEditMode/);
    let done = false;
    const waiting = fake
      .run({ delayForCellEdit: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange("A1").load("values");
        await ctx.sync();
      })
      .then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    fake.endCellEdit();
    await waiting;
    expect(done).toBe(true);
  });

  it.each([
    [",", "A1;B2"],
    [";", "A1,B2"],
  ] as const)("getRanges under the list separator %s refuses %s (#1167)", async (listSeparator, list) => {
    const fake = createFakeExcel([{ name: "A" }], { listSeparator });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRanges(list).load("areaCount");
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
    const ok = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("A").getRanges(`A1${listSeparator}B2`).load("areaCount");
      await ctx.sync();
      return r.areaCount;
    });
    expect(ok).toBe(2);
  });

  it("makes each writing sync an undo step from ExcelApi 1.20 (one per merged run); before, a write clears the stack; saving settings always does", async () => {
    const write = (fake: ReturnType<typeof createFakeExcel>, options = {}) =>
      fake.run(options, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("A");
        ws.getRange("A1").values = [[1]];
        await ctx.sync();
        ws.getRange("A2").values = [[2]];
        await ctx.sync();
      });
    const now = createFakeExcel([{ name: "A" }]);
    await now.edit("A", "B1", 1);
    await write(now);
    expect(now.model.undo).toEqual(["edit A!B1", "add-in", "add-in"]);
    await write(now, { mergeUndoGroup: true });
    expect(now.model.undo).toHaveLength(4);
    now.settings.saveAsync();
    expect(now.model.undo).toEqual([]);
    const older = createFakeExcel([{ name: "A" }], { excelApi: "1.19" });
    await older.edit("A", "B1", 1);
    await write(older);
    expect(older.model.undo).toEqual([]);
  });

  it("cannot read a user's duplicated rule, nor the custom part when other types are present (#6835, #6827, #2180)", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    const cfs = fake.model.sheets[0].conditionalFormats;
    cfs.push({ id: "c", type: "ColorScale", ranges: ["B1:B9"] });
    const load = (props: string, address = "A1:Z99") =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange(address).conditionalFormats.load(props);
        await ctx.sync();
      });
    await expect(load("items/custom/rule/formula")).rejects.toThrow(/not permitted/);
    await expect(load("items/type,items/customOrNullObject/rule/formula")).resolves.toBeUndefined();
    cfs.push({ id: "u", type: "CellValue", ranges: ["C1:C9"], unreadable: true });
    await expect(load("items/type")).rejects.toThrow(FakeApiError);
    await expect(load("items/type", "D1")).resolves.toBeUndefined();
  });

  it("fires onChanged for the add-in's own writes, marked ThisLocalAddin from ExcelApi 1.14 only", async () => {
    for (const [excelApi, trigger] of [
      ["1.14", "ThisLocalAddin"],
      ["1.13", undefined],
    ] as const) {
      const fake = createFakeExcel([{ name: "A" }], { excelApi });
      const seen: unknown[] = [];
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.onChanged.add((e) => void seen.push(e.triggerSource));
        await ctx.sync();
      });
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange("A1:B2").values = [
          [1, 2],
          [3, 4],
        ];
        await ctx.sync();
      });
      await new Promise((r) => setTimeout(r, 0));
      expect(seen).toEqual([trigger]);
    }
  });

  it("takes a note on one cell without a threaded comment only", async () => {
    const fake = createFakeExcel([{ name: "A" }]);
    fake.model.sheets[0].comments.set("B2", "Đã kiểm tra với phòng");
    const add = (cell: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").notes.add(cell, "x");
        await ctx.sync();
      });
    await expect(add("B2")).rejects.toThrow(/threaded comment/);
    await expect(add("B2:B3")).rejects.toThrow(/InvalidCellAddress/);
    await expect(add("B3")).resolves.toBeUndefined();
  });

  it("cannot activate a hidden sheet or select a cell on it", async () => {
    const fake = createFakeExcel([{ name: "A" }, { name: "Ẩn", visibility: "Hidden" }]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Ẩn").getRange("A1").select();
        await ctx.sync();
      }),
    ).rejects.toThrow(/hidden/);
  });

  it.each(["throw", "null"] as const)(
    "over 512 merged areas: getMergedAreasOrNullObject fails the request or gives a null object (%s)",
    async (mergedAreasOverLimit) => {
      const merges = Array.from({ length: 600 }, (_, i) => `A${i + 1}:B${i + 1}`);
      const fake = createFakeExcel([{ name: "A", merges }], { mergedAreasOverLimit });
      const run = fake.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem("A").getRange().getMergedAreasOrNullObject();
        m.load("address");
        await ctx.sync();
        return m.isNullObject;
      });
      if (mergedAreasOverLimit === "throw") await expect(run).rejects.toThrow(/512/);
      else await expect(run).resolves.toBe(true);
    },
  );
});
