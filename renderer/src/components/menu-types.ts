/** Types of the menu definitions built by app-menus.ts and rendered by the in-window MenuBar. */

/** One entry of a menu: an action, a separator, or a submenu. */
export type MenuItem =
  | { readonly label: string; readonly shortcut?: string; readonly action: () => void; readonly disabled?: boolean; readonly testId?: string }
  | { readonly label: string; readonly submenu: readonly MenuItem[] }
  | 'separator';

export interface MenuDefinition {
  readonly label: string;
  readonly items: readonly MenuItem[];
}
