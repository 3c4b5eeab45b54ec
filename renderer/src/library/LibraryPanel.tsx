/**
 * The 指标库 panel: browse the library by 一级 › 二级, search by name or 拼音 initials, tick
 * entries and insert them as rows of the current table (one undo step); import / export the
 * user's own library.
 */
import { memo, useMemo, useState } from 'react';
import { LIBRARY_CATEGORIES } from '../../../shared/library/categories';
import { suggest } from '../../../shared/library/suggest';
import { valueFormLabel } from '../../../shared/library/template';
import type { LibraryEntry } from '../../../shared/library/types';
import { useLibrary } from './library-store';

export interface LibraryPanelProps {
  /** 二级 names the current table's family has (entries of other 二级 cannot be inserted). */
  readonly level2s: ReadonlySet<string>;
  readonly onInsert: (entries: readonly LibraryEntry[]) => void;
  readonly onImport: () => void;
  readonly onExport: () => void;
  readonly onClose: () => void;
}

const keyOf = (e: LibraryEntry) => `${e.level2}\u0000${e.name}`;

/** The panel (a drawer on the right of the workspace). */
export const LibraryPanel = memo(function LibraryPanel({ level2s, onInsert, onImport, onExport, onClose }: LibraryPanelProps) {
  const library = useLibrary();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string>(() => LIBRARY_CATEGORIES.find((c) => level2s.has(c.level2))?.level2 ?? '');
  const [picked, setPicked] = useState<ReadonlyMap<string, LibraryEntry>>(new Map());
  const groups = useMemo(() => {
    const found = query.trim() ? suggest(library.entries, query, { limit: 500 }) : library.entries;
    return LIBRARY_CATEGORIES.map((c) => ({ ...c, entries: found.filter((e) => e.level1 === c.level1 && e.level2 === c.level2) }))
      .filter((g) => g.entries.length > 0);
  }, [library.entries, query]);
  const toggle = (e: LibraryEntry) => setPicked((m) => {
    const next = new Map(m);
    if (next.has(keyOf(e))) next.delete(keyOf(e));
    else next.set(keyOf(e), e);
    return next;
  });
  const insert = (entries: readonly LibraryEntry[]) => {
    onInsert(entries);
    setPicked(new Map());
  };
  return (
    <aside className="library-panel" aria-label="指标库" data-testid="library-panel">
      <div className="panel-title">
        <span>指标库</span>
        <button type="button" className="library-close" onClick={onClose} aria-label="关闭指标库" title="关闭">×</button>
      </div>
      <div className="library-source">内置 {library.builtinCount} 条 · 我的指标库 {library.userCount} 条</div>
      <input
        className="library-search" type="search" placeholder="搜索名称或拼音首字母，如 mydzb" value={query}
        onChange={(e) => setQuery(e.target.value)} aria-label="搜索指标库" data-testid="library-search"
      />
      <div className="library-groups">
        {groups.length === 0 && <div className="library-empty">没有相符的指标</div>}
        {groups.map((g) => {
          const expanded = query.trim() !== '' || open === g.level2;
          const usable = level2s.has(g.level2);
          return (
            <section key={`${g.level1}-${g.level2}`} className="library-group" data-testid="library-group">
              <button type="button" className="library-group-title" onClick={() => setOpen(expanded && !query ? '' : g.level2)} aria-expanded={expanded}>
                <span>{expanded ? '▾' : '▸'} {g.level1} › {g.level2}</span><span className="library-count">{g.entries.length}</span>
              </button>
              {expanded && (
                <ul className="library-entries">
                  {g.entries.slice(0, 200).map((e) => (
                    <li key={keyOf(e)} className={usable ? '' : 'unusable'} title={usable ? `例：${e.example}　出现 ${e.count} 次` : '当前表的版式没有此二级指标'}>
                      <label>
                        <input type="checkbox" disabled={!usable} checked={picked.has(keyOf(e))} onChange={() => toggle(e)} />
                        <span className="name" onDoubleClick={() => usable && insert([e])}>{e.name}</span>
                      </label>
                      <span className="form">{valueFormLabel(e)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <div className="library-actions">
        <button type="button" className="library-insert" disabled={picked.size === 0} onClick={() => insert([...picked.values()])} data-testid="library-insert">
          插入所选（{picked.size}）
        </button>
        <button type="button" onClick={onImport}>导入…</button>
        <button type="button" onClick={onExport}>导出…</button>
      </div>
    </aside>
  );
});
