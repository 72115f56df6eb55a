import type { Notice } from '../../shared/engine-api';
import { useLocalized } from '../i18n/useLocalized';

/** Fallbacks and failures the visitor should know about, in plain language (worded by code). */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  const { noticeText } = useLocalized();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="app.notices">
      {notices.map((notice, i) => (
        <p key={i} className={`notice ${notice.level}`} data-code={notice.code}>
          {noticeText(notice)}
        </p>
      ))}
    </div>
  );
}
