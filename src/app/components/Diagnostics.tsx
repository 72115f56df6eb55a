import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/engine-api';
import { forVisitors } from '../../shared/notices';
import { useLocalized } from '../i18n/useLocalized';
import { logForOperator } from '../operator-log';

/**
 * For the site's operator: every notice with its full detail (paths, status codes, commands),
 * folded away under the status line. Operator-only notices go to the console as well.
 */
export function Diagnostics({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  const { noticeText } = useLocalized();
  useEffect(() => {
    for (const notice of notices) {
      if (!forVisitors(notice.code)) logForOperator(notice.code, notice.message);
    }
  }, [notices]);
  if (notices.length === 0) return null;
  return (
    <details className="diagnostics" data-testid="app.diagnostics">
      <summary>{t('app.diagnostics', { count: notices.length })}</summary>
      <ul>
        {notices.map((notice, i) => {
          const text = noticeText(notice);
          return (
            <li key={i} data-diagnostic={notice.code}>
              {text}
              {text !== notice.message && <code className="detail">{notice.message}</code>}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
