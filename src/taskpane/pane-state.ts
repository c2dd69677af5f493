/**
 * The pane's saved state (document settings) is read back through a schema before use: a
 * workbook edited by another version of the add-in, by a script or by hand must not break the
 * pane. Each part is checked on its own, so one bad entry costs that entry only; how many were
 * left out is said to the user.
 */
import { z } from "zod";
import type { Acceptance } from "../engine/accept";
import { SCALES } from "../engine/i18n";
import type { RecognitionOverride } from "../engine/recognize/model";
import { EMPTY_STATE, type PaneState } from "./port";

const KINDS = ["cost", "task", "registration", "summary", "person-list", "ignore"] as const;

/**
 * What an acceptance must have for the pane to use it. Other fields (the engine's identity may
 * grow) are kept as they are.
 */
const acceptanceSchema = z.looseObject({
  subject: z.looseObject({ rule: z.string().min(1) }),
  reason: z.string(),
  at: z.string(),
  message: z.string().optional(),
});

const overrideSchema = z.strictObject({
  kind: z.enum(KINDS).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  scale: z
    .number()
    .refine((n) => SCALES.includes(n))
    .optional(),
});

const rulebookSchema = z.looseObject({ id: z.string().min(1), custom: z.unknown().optional() });

export interface ReadState {
  state: PaneState;
  /** Entries left out because they did not fit the schema. */
  dropped: number;
}

/** The saved state as the pane may use it. */
export function readPaneState(raw: unknown): ReadState {
  if (raw === null || raw === undefined) return { state: { ...EMPTY_STATE }, dropped: 0 };
  if (typeof raw !== "object" || Array.isArray(raw)) return { state: { ...EMPTY_STATE }, dropped: 1 };
  const r = raw as Record<string, unknown>;
  let dropped = 0;
  const accepted: Acceptance[] = [];
  if (r.accepted !== undefined) {
    if (Array.isArray(r.accepted)) {
      for (const a of r.accepted) {
        const ok = acceptanceSchema.safeParse(a);
        if (ok.success) accepted.push(ok.data as unknown as Acceptance);
        else dropped++;
      }
    } else dropped++;
  }
  const overrides: Record<string, RecognitionOverride> = {};
  if (r.overrides !== undefined) {
    if (r.overrides && typeof r.overrides === "object" && !Array.isArray(r.overrides)) {
      for (const [sheet, o] of Object.entries(r.overrides)) {
        const ok = overrideSchema.safeParse(o);
        if (ok.success && Object.keys(ok.data).length > 0) overrides[sheet] = ok.data;
        else dropped++;
      }
    } else dropped++;
  }
  const state: PaneState = { accepted, overrides };
  if (r.allocated !== undefined) {
    const ok = z.number().finite().nonnegative().safeParse(r.allocated);
    if (ok.success) state.allocated = ok.data;
    else dropped++;
  }
  if (r.rulebook !== undefined) {
    const ok = rulebookSchema.safeParse(r.rulebook);
    if (ok.success) state.rulebook = ok.data;
    else dropped++;
  }
  return { state, dropped };
}
