/** The list's rows for a filter, asked of the checker whenever the findings or the filter change. */
import { useEffect, useState } from "react";
import type { ReviewedFinding } from "../../engine/accept";
import type { EngineClient } from "../engine/client";
import type { ListFilter, ListView } from "../engine/protocol";

export interface ShownView {
  view: ListView;
  /** The findings the rows point into: those of the same check (acceptances may be newer). */
  findings: readonly ReviewedFinding[];
}

export function useListView(
  engine: EngineClient,
  filter: ListFilter,
  findings: readonly ReviewedFinding[],
  generation: number,
): ShownView | undefined {
  const [shown, setShown] = useState<{
    view: ListView;
    generation: number;
    findings: readonly ReviewedFinding[];
  }>();
  useEffect(() => {
    let live = true;
    engine.view(filter).then(
      (view) => live && setShown({ view, generation, findings }),
      () => undefined, // the checker failed: the check that follows says so
    );
    return () => {
      live = false;
    };
    // A new list of findings (a check, a re-check, an acceptance) asks again.
  }, [engine, filter, findings, generation]);
  if (!shown) return undefined;
  // Same check: the indices hold, and the newest acceptances show at once.
  return { view: shown.view, findings: shown.generation === generation ? findings : shown.findings };
}
