import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/engine-api';
import { forVisitors } from '../../shared/notices';
import { useLocalized } from '../i18n/useLocalized';
import { dismiss, isDismissed } from '../dismissed';

/**
 * What the visitor should know about their data and what they see, in plain language (worded
 * by code). Operator notices are left to the diagnostics panel (see src/shared/notices.ts). Each
 * can be dismissed, and stays dismissed on later visits until what it says changes.
 */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  const { noticeText } = useLocalized();
  const [, setDismissals] = useState(0);
  const shown = notices
    .filter((notice) => forVisitors(notice.code))
    .map((notice) => ({ notice, text: noticeText(notice) }))
    .filter(({ notice, text }) => !isDismissed(`notice|${notice.code}|${text}`));
  if (shown.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="app.notices">
      {shown.map(({ notice, text }, i) => (
        <p key={i} className={`notice ${notice.level}`}>
          <span data-code={notice.code}>{text}</span>
          <button
            type="button"
            className="snackbar-close"
            aria-label={t('app.closeMessage')}
            data-testid="app.notice-close"
            onClick={() => {
              dismiss(`notice|${notice.code}|${text}`);
              setDismissals((n) => n + 1);
            }}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
