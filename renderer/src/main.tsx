/**
 * Renderer entry point: loads the stylesheets (Handsontable's, trimmed at build time, first) and mounts App.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Handsontable's core stylesheet (trimmed at build time, renderer/build/handsontable-css-plugin.ts) and theme.
import 'virtual:jxmb-handsontable.css';
import './styles/app.css';
import './styles/grid.css';
import { App } from './App';
import { installGridCellCss } from './styles/grid-cell-css';

installGridCellCss();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
