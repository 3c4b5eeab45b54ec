/**
 * File pickers the IPC handlers need, injected so the same handlers serve Electron (real
 * `dialog.showOpenDialog` / `showSaveDialog`, wired in main.ts) and tests (scripted answers).
 * Every method resolves to an absolute path, or null when the user cancelled.
 */
export interface Dialogs {
  /** 打开项目: pick a `.jxmb` file. */
  openProject(): Promise<string | null>;
  /** 另存为: pick where to save a `.jxmb` file; `suggestedName` without folder. */
  saveProject(suggestedName: string): Promise<string | null>;
  /** 导入Excel: pick an `.xlsx` file. */
  openXlsx(): Promise<string | null>;
  /** 导出Excel: pick where to write an `.xlsx` file. */
  saveXlsx(suggestedName: string): Promise<string | null>;
  /** 导出PDF: pick where to write a `.pdf` file. */
  savePdf(suggestedName: string): Promise<string | null>;
  /** 指标库 › 导入: pick a library `.json` file (absent: the channel needs a path). */
  openLibrary?(): Promise<string | null>;
  /** 指标库 › 导出: pick where to write a library `.json` file. */
  saveLibrary?(suggestedName: string): Promise<string | null>;
  /** 导出绩效文本: pick where to write the document, a `.pdf` or a `.docx` file. */
  saveDocument(suggestedName: string, format: 'pdf' | 'docx'): Promise<string | null>;
}

/** Dialogs answering from queues of scripted paths (tests); an empty queue means "cancelled". */
export function scriptedDialogs(answers: Partial<Record<keyof Dialogs, (string | null)[]>> = {}): Dialogs & { readonly asked: string[] } {
  const asked: string[] = [];
  const next = (kind: keyof Dialogs) => async (): Promise<string | null> => {
    asked.push(kind);
    return answers[kind]?.shift() ?? null;
  };
  return {
    asked,
    openProject: next('openProject'),
    saveProject: next('saveProject'),
    openXlsx: next('openXlsx'),
    saveXlsx: next('saveXlsx'),
    savePdf: next('savePdf'),
    openLibrary: next('openLibrary'),
    saveLibrary: next('saveLibrary'),
    saveDocument: next('saveDocument'),
  };
}
