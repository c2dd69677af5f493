/** The rulebooks shipped with the add-in. The first is the default. */
import hp20262030 from "../../rulebooks/hai-phong-2026-2030.json";
import hp2022 from "../../rulebooks/hai-phong-2022.json";
import hp2023 from "../../rulebooks/hai-phong-2023.json";
import hp2024 from "../../rulebooks/hai-phong-2024.json";
import bpBdtx from "../../rulebooks/binh-phuoc-bdtx-2023-2024.json";
import type { Candidate } from "./choose";
import { parseRulebook } from "./load";
import type { Rulebook } from "./schema";

const sources: Record<string, unknown> = {
  "hai-phong-2026-2030": hp20262030,
  "hai-phong-2022": hp2022,
  "hai-phong-2023": hp2023,
  "hai-phong-2024": hp2024,
  "binh-phuoc-bdtx-2023-2024": bpBdtx,
};

export const builtinRulebookIds = Object.keys(sources);
export const defaultRulebookId = "hai-phong-2026-2030";

const cache = new Map<string, Rulebook>();

/** A built-in rulebook by id (validated once, then cached). */
export function builtinRulebook(id: string = defaultRulebookId): Rulebook {
  let rb = cache.get(id);
  if (!rb) {
    const src = sources[id];
    if (src === undefined) throw new RangeError(`Không có sổ quy tắc "${id}"`);
    rb = parseRulebook(src, `Sổ quy tắc ${id}`);
    cache.set(id, rb);
  }
  return rb;
}

/** The built-in rulebooks as candidates of the automatic choice, the default first. */
export function builtinCandidates(): Candidate[] {
  return builtinRulebookIds.map((id) => ({ rulebook: builtinRulebook(id), origin: { kind: "builtin" } }));
}
