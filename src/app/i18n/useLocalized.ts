import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/engine-api';
import { errorText } from './i18n';

/**
 * Worker errors and notices arrive as English text with a stable `code`: the page words them by
 * code in the visitor's language, and shows the English text where it has no wording for a code.
 */
export function useLocalized() {
  const { t } = useTranslation();
  const noticeText = useCallback(
    (notice: Notice) => t(`notice.${notice.code}`, { defaultValue: notice.message }),
    [t],
  );
  return { t, errorText, noticeText };
}
