/**
 * The Office host as the adapter sees it: Excel.run, the document's settings and the requirement
 * sets. Built from Office.js's globals in the add-in; from the strict fake in tests.
 */

/** Excel.RunOptions the adapter uses. */
export interface RunOptions {
  /**
   * Wait while the user is editing a cell instead of failing with InvalidOperationInCellEditMode
   * (the default fails the batch: Excel.RunOptions.delayForCellEdit).
   */
  delayForCellEdit?: boolean;
  /** ExcelApi 1.20: all syncs of the run are one undo step. */
  mergeUndoGroup?: boolean;
}

export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: RunOptions,
) => Promise<T>;

/** The part of Office.Settings the add-in uses (saved with the workbook). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export interface OfficeHost {
  run: ExcelRun;
  settings: DocumentSettings;
  /** Office.context.requirements.isSetSupported("ExcelApi", version) */
  supportsExcelApi(version: string): boolean;
  /** Removes an event handler added in an earlier Excel.run (it needs that run's context). */
  removeHandler(handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>): Promise<void>;
}

/** The host of the running add-in (call after Office.onReady). */
export function officeHost(): OfficeHost {
  return {
    run: (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    settings: Office.context.document.settings as unknown as DocumentSettings,
    supportsExcelApi: (v) => Office.context.requirements.isSetSupported("ExcelApi", v),
    removeHandler: (handler) =>
      Excel.run(handler.context, async (ctx) => {
        handler.remove();
        await ctx.sync();
      }),
  };
}
