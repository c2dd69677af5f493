/** Opening the pane recalculates the DEAN.* functions only when the workbook's saved rulebook is not the default. */
import { builtinRulebook } from "../../src/engine/rulebook/builtin";
import type { Rulebook } from "../../src/engine/rulebook/schema";
import { EMPTY_STATE } from "../../src/taskpane/port";
import { restoreSavedRulebook } from "../../src/taskpane/startup";
import { memoryPort } from "./memory-port";

const open = async (rulebook?: { id: string }) => {
  const port = memoryPort({ sheets: [] }, { ...EMPTY_STATE, ...(rulebook ? { rulebook } : {}) });
  const applied: Rulebook[] = [];
  await restoreSavedRulebook(port, builtinRulebook(), (rb) => applied.push(rb));
  return { calls: port.calls, applied: applied.map((r) => r.id) };
};

it("does not recalculate a workbook that uses the default rulebook, saved or not", async () => {
  expect(await open()).toEqual({ calls: [], applied: [] });
  expect(await open({ id: builtinRulebook().id })).toEqual({ calls: [], applied: [] });
});

it("applies another saved rulebook and recalculates", async () => {
  expect(await open({ id: "hai-phong-2022" })).toEqual({
    calls: ["recalculate"],
    applied: ["hai-phong-2022"],
  });
});
