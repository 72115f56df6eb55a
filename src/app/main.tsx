import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configFromUrl } from './config';
import { App } from './App';
import { SnackbarProvider } from './components/Snackbar';
import { PrivateRecs } from '../client/private-recs';
import './styles.css';

declare global {
  interface Window {
    /** The public JavaScript API (PRODUCT.md), also the typed hook the end-to-end tests use. */
    privateRecs: PrivateRecs;
  }
}

const { config, problems } = configFromUrl(window.location.href);
const recs = new PrivateRecs(config);
window.privateRecs = recs;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SnackbarProvider>
      <App recs={recs} configProblems={problems} />
    </SnackbarProvider>
  </StrictMode>,
);
