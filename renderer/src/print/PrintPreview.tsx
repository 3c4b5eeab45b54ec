/**
 * The 打印预览 screen: renders shared/print's HTML into a sandboxed iframe at the chosen zoom,
 * next to the options panel, with 打印 and 导出PDF. Printing itself is use-print.tsx's.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Project } from '../../../shared/model/types';
import { renderPrintHtml } from '../../../shared/print/render-print-html';
import type { PrintResult } from '../../../shared/print/types';
import { PrintOptionsPanel } from './PrintOptionsPanel';
import {
  PX_PER_MM, ZOOM_MAX, ZOOM_MIN, ZOOM_STEPS, clampZoom, fitWidthZoom, previewDocument, previewSize, printOptions, selectedTables, stepZoom,
  type PreviewSettings,
} from './print-settings';
import './print-preview.css';

export interface PrintPreviewProps {
  readonly project: Project;
  readonly currentTable: number;
  readonly settings: PreviewSettings;
  readonly onSettings: (s: PreviewSettings) => void;
  readonly onPrint: () => void;
  readonly onExportPdf: () => void;
  readonly onClose: () => void;
  /** False in browser mode: 打印 produces a PDF (the panel says so). */
  readonly directPrint: boolean;
  /** A print or export is running (buttons disabled). */
  readonly busy: boolean;
}

type Zoom = { readonly fit: true } | { readonly fit: false; readonly percent: number };

type Rendered =
  | { readonly ok: true; readonly result: PrintResult; readonly doc: string; readonly size: ReturnType<typeof previewSize>; readonly tables: number[] }
  | { readonly ok: false; readonly error: string };

/** Renders the print HTML for the settings; a Chinese message instead when it cannot. */
function usePrintDocument(project: Project, currentTable: number, settings: PreviewSettings): Rendered {
  return useMemo((): Rendered => {
    const tables = selectedTables(settings, currentTable, project.tables.length);
    if (tables.length === 0) return { ok: false, error: '请至少选择一张表。' };
    try {
      const result = renderPrintHtml(project, printOptions(settings, currentTable, project.tables.length));
      return { ok: true, result, doc: previewDocument(result.html), size: previewSize(result.html), tables };
    } catch (e) {
      return { ok: false, error: `无法生成打印页面：${e instanceof Error ? e.message : String(e)}` };
    }
  }, [project, currentTable, settings]);
}

/** Width of the preview pane in px (follows window resizes), for 适合宽度. */
function usePaneWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** − [适合宽度 / 50 % … 200 %] ＋ */
function ZoomControl({ zoom, percent, onZoom }: { zoom: Zoom; percent: number; onZoom: (z: Zoom) => void }) {
  return (
    <span className="print-zoom">
      <button onClick={() => onZoom({ fit: false, percent: stepZoom(percent, -1) })} disabled={percent <= ZOOM_MIN} title="缩小" aria-label="缩小">−</button>
      <select
        value={zoom.fit ? 'fit' : String(percent)} data-testid="print-zoom" aria-label="缩放"
        onChange={(e) => onZoom(e.target.value === 'fit' ? { fit: true } : { fit: false, percent: clampZoom(Number(e.target.value)) })}
      >
        <option value="fit">适合宽度（{percent}%）</option>
        {ZOOM_STEPS.map((z) => <option key={z} value={String(z)}>{z}%</option>)}
        {!zoom.fit && !ZOOM_STEPS.includes(percent) && <option value={String(percent)}>{percent}%</option>}
      </select>
      <button onClick={() => onZoom({ fit: false, percent: stepZoom(percent, 1) })} disabled={percent >= ZOOM_MAX} title="放大" aria-label="放大">＋</button>
    </span>
  );
}

/**
 * 打印预览: the pages exactly as they print (shared/print's HTML in an iframe with `sandbox=""`:
 * no scripts, opaque origin; cell text is escaped, so imported markup stays text), 「共 N 页」,
 * zoom 50–200 % and 适合宽度, the print options (re-rendered on change), 打印 and 导出PDF.
 */
export function PrintPreview(p: PrintPreviewProps) {
  const deferred = useDeferredValue(p.settings);
  const rendered = usePrintDocument(p.project, p.currentTable, deferred);
  const paneRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const paneWidth = usePaneWidth(paneRef);
  const [zoom, setZoom] = useState<Zoom>({ fit: true });
  const pending = deferred !== p.settings;

  useEffect(() => {
    rootRef.current?.focus();
  }, []);

  const size = rendered.ok ? rendered.size : null;
  const percent = zoom.fit ? (size ? fitWidthZoom(paneWidth - 24, size.widthMm) : 100) : zoom.percent;
  const scale = percent / 100;
  const docW = size ? size.widthMm * PX_PER_MM : 0;
  const docH = size ? size.heightMm * PX_PER_MM : 0;
  const ready = rendered.ok && !pending;

  return (
    <div className="print-preview-backdrop">
      <div
        className="print-preview" role="dialog" aria-modal="true" aria-label="打印预览" data-testid="print-preview" tabIndex={-1} ref={rootRef}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); p.onClose(); } }}
      >
        <PrintOptionsPanel
          project={p.project} currentTable={p.currentTable} settings={p.settings} onSettings={p.onSettings}
          tables={rendered.ok ? rendered.tables : []}
        >
          <div className="print-actions">
            <button className="primary" onClick={p.onPrint} disabled={!ready || p.busy} data-testid="print-print">
              {p.directPrint ? '打印…' : '打印（生成 PDF）…'}
            </button>
            <button onClick={p.onExportPdf} disabled={!ready || p.busy} data-testid="print-pdf">导出PDF…</button>
            <button onClick={p.onClose} data-testid="print-close">关闭</button>
          </div>
          {!p.directPrint && (
            <p className="muted small" data-testid="print-browser-note">
              浏览器模式不能打开系统打印对话框：“打印”会生成 PDF 文件，请用 PDF 阅读器打开该文件后打印。
            </p>
          )}
        </PrintOptionsPanel>
        <section className="print-main">
          <div className="print-toolbar">
            <span className="print-page-count" data-testid="print-page-count" data-pending={pending ? 'true' : 'false'}>
              {rendered.ok ? `共 ${rendered.result.pageCount} 页` : '共 0 页'}
            </span>
            {rendered.ok && rendered.tables.length > 1 && <span className="muted">{rendered.tables.length} 张表</span>}
            {pending && <span className="muted">正在更新…</span>}
            <ZoomControl zoom={zoom} percent={percent} onZoom={setZoom} />
          </div>
          <div className="print-pane" ref={paneRef} data-testid="print-pane">
            {!rendered.ok ? (
              <div className="print-empty">{rendered.error}</div>
            ) : (
              <div className="print-sheet" style={{ width: docW * scale, height: docH * scale }}>
                <iframe
                  sandbox="" srcDoc={rendered.doc} title="打印页面" data-testid="print-frame"
                  data-page-count={rendered.result.pageCount}
                  style={{ width: docW, height: docH, transform: `scale(${scale})` }}
                />
              </div>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
