/**
 * Renderer entry point: loads the stylesheets (Handsontable's CSS installed by styles/handsontable-css) and mounts App.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import handsontableCss from 'handsontable/styles/handsontable.min.css?inline';
import 'handsontable/styles/ht-theme-main.min.css';
import './styles/app.css';
import './styles/grid.css';
import { App } from './App';
import { installHandsontableCss } from './styles/handsontable-css';

installHandsontableCss(handsontableCss);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
