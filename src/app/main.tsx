import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configFromUrl } from './config';
import { App } from './App';
import { PwaNotices } from './components/PwaNotices';
import { SnackbarProvider } from './components/Snackbar';
import { PrivateRecs } from '../client/private-recs';
import { startPwa } from './pwa/register';
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
// Only the app registers the service worker; the widget, embedded in a shop's pages, never does.
const pwa = startPwa(recs);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SnackbarProvider>
      <PwaNotices pwa={pwa} />
      <App recs={recs} configProblems={problems} />
    </SnackbarProvider>
  </StrictMode>,
);
