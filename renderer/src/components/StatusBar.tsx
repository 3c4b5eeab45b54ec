/** The status bar: 版式, 金额单位, meaning of the current cell, last notice, selection sums, grid zoom and save state. */
import { memo } from 'react';
import type { SelectionStats } from '../state/selection-stats';
import { MAX_ZOOM, MIN_ZOOM } from '../state/use-grid-zoom';

export interface StatusBarProps {
  readonly family: string;
  readonly moneyUnit: string;
  readonly cellMeaning: string;
  readonly saveState: string;
  readonly notice: string;
  /** 求和 / 计数 / 平均 of a numeric selection (null: not shown). */
  readonly stats?: SelectionStats | null;
  /** Grid zoom (1 = 100%) and its control; absent without a document. */
  readonly zoom?: number;
  readonly onZoom?: (z: number) => void;
}

/** 版式 · 金额单位 · 当前单元格含义 · 保存状态 (and the last action), selection sums and the grid zoom. */
export const StatusBar = memo(function StatusBar(p: StatusBarProps) {
  const zoom = p.zoom ?? 1;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className="status-family">{p.family}</span>
      <span className="status-unit">{p.moneyUnit}</span>
      <span className="status-cell" data-testid="status-cell">{p.cellMeaning}</span>
      <span className={`status-notice${p.notice.startsWith('⚠') ? ' warn' : ''}`} role="status">{p.notice}</span>
      {p.stats && (
        <span className="status-stats" data-testid="status-stats">
          求和 {p.stats.sum}　计数 {p.stats.count}　平均 {p.stats.average}
        </span>
      )}
      {p.onZoom && (
        <span className="status-zoom" data-testid="status-zoom">
          <button onClick={() => p.onZoom?.(zoom - 0.1)} disabled={zoom <= MIN_ZOOM} aria-label="缩小表格" title="缩小表格（Ctrl+滚轮）">－</button>
          <button className="zoom-level" onClick={() => p.onZoom?.(1)} title="恢复 100%" data-testid="zoom-level">{Math.round(zoom * 100)}%</button>
          <button onClick={() => p.onZoom?.(zoom + 0.1)} disabled={zoom >= MAX_ZOOM} aria-label="放大表格" title="放大表格（Ctrl+滚轮）">＋</button>
        </span>
      )}
      <span className="status-save" data-testid="status-save">{p.saveState}</span>
    </footer>
  );
});
