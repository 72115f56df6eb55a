import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { configFromUrl } from './config';
import { App } from './App';
import { PwaNotices } from './components/PwaNotices';
import { SnackbarProvider } from './components/Snackbar';
import { PrivateRecs } from '../client/private-recs';
import { startPwa } from './pwa/register';
import { startI18n } from './i18n/i18n';
import './styles.css';

declare global {
  interface Window {
    /** The public JavaScript API (PRODUCT.md), also the typed hook the end-to-end tests use. */
    privateRecs: PrivateRecs;
  }
}

// Before anything renders, so that the first paint is already in the visitor's language.
const i18n = startI18n();
const { config, problems } = configFromUrl(window.location.href);
const recs = new PrivateRecs(config);
window.privateRecs = recs;
// Only the app registers the service worker; the widget, embedded in a shop's pages, never does.
const pwa = startPwa(recs);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <SnackbarProvider>
        <PwaNotices pwa={pwa} />
        <App recs={recs} configProblems={problems} />
      </SnackbarProvider>
    </I18nextProvider>
  </StrictMode>,
);
