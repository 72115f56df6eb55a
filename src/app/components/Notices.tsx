import type { Notice } from '../../shared/engine-api';
import { forVisitors } from '../../shared/notices';
import { useLocalized } from '../i18n/useLocalized';

/**
 * What the visitor should know about their data and what they see, in plain language (worded
 * by code). Operator notices are left to the diagnostics panel (see src/shared/notices.ts).
 */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  const { noticeText } = useLocalized();
  const shown = notices.filter((notice) => forVisitors(notice.code));
  if (shown.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="app.notices">
      {shown.map((notice, i) => (
        <p key={i} className={`notice ${notice.level}`} data-code={notice.code}>
          {noticeText(notice)}
        </p>
      ))}
    </div>
  );
}
