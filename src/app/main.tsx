import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configFromUrl } from './config';
import type { EngineProgress } from '../shared/engine-api';
import { App } from './App';
import { SnackbarProvider } from './components/Snackbar';
import { startEngine } from './engine-client';
import { PrivateRecs } from './private-recs';
import './styles.css';

declare global {
  interface Window {
    /** The public JavaScript API (PRODUCT.md), also the typed hook the end-to-end tests use. */
    privateRecs: PrivateRecs;
  }
}

const { config, problems } = configFromUrl(window.location.href);
// Progress arrives before React mounts its listener; an EventTarget decouples the two.
const progress = new EventTarget();
const { engine, started } = startEngine(config, (update: EngineProgress) => {
  progress.dispatchEvent(new CustomEvent('progress', { detail: update }));
});
const recs = new PrivateRecs(engine, started);
window.privateRecs = recs;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SnackbarProvider>
      <App recs={recs} started={started} progress={progress} configProblems={problems} />
    </SnackbarProvider>
  </StrictMode>,
);
