import type { Notice } from '../../shared/engine-api';

/** Fallbacks and failures the visitor should know about, in plain language. */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="app.notices">
      {notices.map((notice, i) => (
        <p key={i} className={`notice ${notice.level}`} data-code={notice.code}>
          {notice.message}
        </p>
      ))}
    </div>
  );
}
