/** Course names in messages are shortened at a word boundary, never inside a syllable. */
import { rowLabel } from "../../src/engine/rules/util";
import type { TableRow } from "../../src/engine/recognize/model";

const row = (text: string) => ({ label: { text, cell: "B7" } }) as unknown as TableRow;

it("keeps a short name whole and cuts a long one after a whole word", () => {
  expect(rowLabel(row("- Bồi dưỡng nghiệp vụ sư phạm"))).toBe("Bồi dưỡng nghiệp vụ sư phạm");
  const long =
    "Bồi dưỡng nâng cao năng lực ứng dụng công nghệ thông tin và chuyển đổi số trong quản trị nhà trường";
  const cut = rowLabel(row(long));
  expect(cut.endsWith("…")).toBe(true);
  expect(cut.length).toBeLessThanOrEqual(69);
  const kept = cut.slice(0, -1);
  expect(long.startsWith(kept)).toBe(true);
  expect(long[kept.length]).toBe(" ");
});
