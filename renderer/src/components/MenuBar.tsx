/**
 * The in-window menu bar (used when the shell has no native menu): renders the menu definitions
 * from app-menus.ts as drop-downs and closes on outside click or Esc.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { MenuDefinition, MenuItem } from './menu-types';

function MenuEntries({ items, close }: { items: readonly MenuItem[]; close: () => void }) {
  return (
    <ul className="menu-dropdown" role="menu">
      {items.map((item, i) => {
        if (item === 'separator') return <li key={i} className="menu-separator" role="separator" />;
        if ('submenu' in item) {
          return (
            <li key={i} className="menu-item has-submenu" role="menuitem" aria-haspopup="true">
              <span>{item.label}</span><span className="menu-arrow">▸</span>
              {item.submenu.length > 0 ? <MenuEntries items={item.submenu} close={close} /> : <ul className="menu-dropdown"><li className="menu-item disabled">（无）</li></ul>}
            </li>
          );
        }
        return (
          <li
            key={i} role="menuitem" data-testid={item.testId} aria-disabled={item.disabled || undefined}
            className={`menu-item${item.disabled ? ' disabled' : ''}`}
            onClick={() => { if (!item.disabled) { close(); item.action(); } }}
          >
            <span>{item.label}</span>{item.shortcut && <span className="menu-shortcut">{item.shortcut}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** 文件 / 编辑 / 插入 / 视图 / 帮助, with accelerators shown next to each entry. */
export const MenuBar = memo(function MenuBar({ menus }: { menus: readonly MenuDefinition[] }) {
  const [open, setOpen] = useState<number | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open === null) return;
    const onDown = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(null); };
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') setOpen(null); };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('mousedown', onDown); window.removeEventListener('keydown', onKey); };
  }, [open]);
  return (
    <div className="menubar" role="menubar" ref={ref}>
      {menus.map((menu, i) => (
        <div key={menu.label} className={`menubar-item${open === i ? ' open' : ''}`} onMouseEnter={() => { if (open !== null) setOpen(i); }}>
          <button className="menubar-button" data-testid={`menu-${menu.label}`} onClick={() => setOpen(open === i ? null : i)}>{menu.label}</button>
          {open === i && <MenuEntries items={menu.items} close={() => setOpen(null)} />}
        </div>
      ))}
    </div>
  );
});
