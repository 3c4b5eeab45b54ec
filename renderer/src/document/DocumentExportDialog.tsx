/**
 * 导出绩效文本: the whole document (cover, 目录 with page numbers, 第一部分, 第二部分) previewed
 * exactly as the PDF prints it (shared/document's HTML in a sandboxed iframe, as 打印预览), the
 * cover lines (标题 / 编制 / 审核) editable, and 导出PDF / 导出Word.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { renderDocumentHtml } from '../../../shared/document/render-document-html';
import type { DocumentExportOptions } from '../../../shared/ipc';
import type { Project } from '../../../shared/model/types';
import { PX_PER_MM, previewDocument, previewSize } from '../print/print-settings';

export interface DocumentExportDialogProps {
  readonly project: Project;
  readonly options: DocumentExportOptions;
  readonly onOptions: (o: DocumentExportOptions) => void;
  readonly onExport: (format: 'pdf' | 'docx') => void;
  readonly onClose: () => void;
  readonly busy: boolean;
}

type Rendered = { ok: true; doc: string; pages: number; toc: number; widthMm: number; heightMm: number } | { ok: false; error: string };

function useDocument(project: Project, options: DocumentExportOptions): Rendered {
  return useMemo((): Rendered => {
    try {
      const r = renderDocumentHtml(project, options);
      const size = previewSize(r.html);
      return { ok: true, doc: previewDocument(r.html), pages: r.pageCount, toc: r.pages.toc.length, widthMm: size.widthMm, heightMm: size.heightMm };
    } catch (e) {
      return { ok: false, error: `无法生成绩效文本：${e instanceof Error ? e.message : String(e)}` };
    }
  }, [project, options]);
}

/** One cover line field; an empty field means the default (shown as placeholder). */
function Field({ label, value, placeholder, onChange, testId }: { label: string; value: string | undefined; placeholder: string; onChange: (v: string | undefined) => void; testId: string }) {
  return (
    <label className="document-field">
      <span>{label}</span>
      <input value={value ?? ''} placeholder={placeholder} data-testid={testId} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
    </label>
  );
}

export function DocumentExportDialog(p: DocumentExportDialogProps) {
  const deferred = useDeferredValue(p.options);
  const rendered = useDocument(p.project, deferred);
  const rootRef = useRef<HTMLDivElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const [paneWidth, setPaneWidth] = useState(800);
  useEffect(() => {
    rootRef.current?.focus();
    const el = paneRef.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setPaneWidth(el.clientWidth));
    observer.observe(el);
    setPaneWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);
  const year = p.project.meta.fiscalYear == null ? '' : `${p.project.meta.fiscalYear}年`;
  const scale = rendered.ok ? Math.min(1, (paneWidth - 24) / (rendered.widthMm * PX_PER_MM)) : 1;
  const set = (key: keyof DocumentExportOptions) => (v: string | undefined) => p.onOptions({ ...p.options, [key]: v });
  const ready = rendered.ok && deferred === p.options;
  return (
    <div className="print-preview-backdrop">
      <div
        className="print-preview" role="dialog" aria-modal="true" aria-label="导出绩效文本" data-testid="document-export" tabIndex={-1} ref={rootRef}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); p.onClose(); } }}
      >
        <aside className="print-options">
          <div className="print-title">导出绩效文本</div>
          <p className="muted small">封面、目录（含页码）、第一部分 部门整体绩效目标、第二部分 各项目绩效目标表（按顺序编号）。</p>
          <fieldset>
            <legend>封面</legend>
            <Field label="标题" value={p.options.title} placeholder={`${year}部门预算绩效文本`} onChange={set('title')} testId="document-title" />
            <Field label="编制" value={p.options.compiler} placeholder={`${p.project.meta.unitName}编制`} onChange={set('compiler')} testId="document-compiler" />
            <Field label="审核" value={p.options.reviewer} placeholder="如：某某县财政局审核" onChange={set('reviewer')} testId="document-reviewer" />
          </fieldset>
          {!p.project.department && <p className="muted small" data-testid="document-no-department">本项目还没有部门整体绩效目标：可在“编辑 › 部门整体绩效目标…”中填写。</p>}
          <div className="print-actions">
            <button className="primary" onClick={() => p.onExport('pdf')} disabled={!ready || p.busy} data-testid="document-pdf">导出 PDF…</button>
            <button onClick={() => p.onExport('docx')} disabled={!ready || p.busy} data-testid="document-docx">导出 Word (.docx)…</button>
            <button onClick={p.onClose} data-testid="document-close">关闭</button>
          </div>
        </aside>
        <section className="print-main">
          <div className="print-toolbar">
            <span className="print-page-count" data-testid="document-page-count">{rendered.ok ? `共 ${rendered.pages} 页` : '共 0 页'}</span>
            {rendered.ok && <span className="muted">目录 {rendered.toc} 项</span>}
          </div>
          <div className="print-pane" ref={paneRef}>
            {!rendered.ok ? <div className="print-empty">{rendered.error}</div> : (
              <div className="print-sheet" style={{ width: rendered.widthMm * PX_PER_MM * scale, height: rendered.heightMm * PX_PER_MM * scale }}>
                <iframe
                  sandbox="" srcDoc={rendered.doc} title="绩效文本页面" data-testid="document-frame" data-page-count={rendered.pages}
                  style={{ width: rendered.widthMm * PX_PER_MM, height: rendered.heightMm * PX_PER_MM, transform: `scale(${scale})` }}
                />
              </div>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
