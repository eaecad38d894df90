import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, initialLocale } from './core/i18n';
import { loadMessages } from './core/messages';
import { router } from './router';
import './core/styles.css';

// The reader's language is loaded before the first render (English is in the entry; Swedish and Danish are a chunk each).
// Should that chunk not load (a lost connection), the page opens in English rather than not at all.
await loadMessages(initialLocale()).catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>
  </StrictMode>,
);
