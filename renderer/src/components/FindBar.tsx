/**
 * The Ctrl+F / Ctrl+H bar: query, replacement and scope inputs. It only asks; searching and
 * replacing are done by the caller, which also supplies the status text.
 */
import { useEffect, useRef, useState } from 'react';
import type { FindScope } from '../state/find';

/** What the find bar asks for. */
export interface FindRequest {
  readonly query: string;
  readonly scope: FindScope;
}

export interface FindBarProps {
  /** Ctrl+F: find only; Ctrl+H: find and replace. */
  readonly replace: boolean;
  /** 「第 3 / 12 个」, 「未找到」, 「已替换 5 处」. */
  readonly status: string;
  readonly onFind: (r: FindRequest, backwards: boolean) => void;
  readonly onReplace: (r: FindRequest, replacement: string, all: boolean) => void;
  readonly onClose: () => void;
}

/** Ctrl+F / Ctrl+H: find (and replace) in this table or in all tables, with the match count. */
export function FindBar({ replace, status, onFind, onReplace, onClose }: FindBarProps) {
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [scope, setScope] = useState<FindScope>('all');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => { ref.current?.focus(); ref.current?.select(); }, [replace]);
  const request = { query, scope };
  const keys = (e: React.KeyboardEvent, enter: () => void) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) { e.preventDefault(); enter(); }
    if (e.key === 'Escape') onClose();
  };
  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <span>查找</span>
      <input
        ref={ref} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="find-input" placeholder="输入要查找的文字"
        onKeyDown={(e) => keys(e, () => onFind(request, e.shiftKey))}
      />
      {replace && (
        <>
          <span>替换为</span>
          <input
            value={replacement} onChange={(e) => setReplacement(e.target.value)} data-testid="replace-input" placeholder="替换成的文字"
            onKeyDown={(e) => keys(e, () => onReplace(request, replacement, false))}
          />
        </>
      )}
      <select value={scope} onChange={(e) => setScope(e.target.value as FindScope)} data-testid="find-scope" aria-label="查找范围">
        <option value="table">本表</option>
        <option value="all">全部表</option>
      </select>
      <button onClick={() => onFind(request, true)} data-testid="find-prev">上一个</button>
      <button onClick={() => onFind(request, false)} data-testid="find-next">下一个</button>
      {replace && <button onClick={() => onReplace(request, replacement, false)} data-testid="replace-one">替换</button>}
      {replace && <button onClick={() => onReplace(request, replacement, true)} data-testid="replace-all">全部替换</button>}
      <span className="muted" data-testid="find-status">{status}</span>
      <button className="close" onClick={onClose} aria-label="关闭查找">×</button>
    </div>
  );
}
