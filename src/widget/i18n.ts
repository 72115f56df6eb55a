import type { CampaignReasonView } from '../shared/campaigns/reason';
import { pickLanguage, type UiLanguage } from '../shared/i18n/language';

/**
 * The widget's few visitor-facing strings in English and Simplified Chinese. The widget is a
 * plain custom element that must stay small, so it carries these few lines itself rather than
 * the app's i18next bundle.
 */
const STRINGS = {
  en: {
    footer: 'Picked on this device: what you view here is never sent anywhere.',
    noMatches: 'Nothing in the shop matches those words.',
    nothingYet: 'Nothing to recommend yet.',
    unavailable: (reason: string) => `Recommendations are unavailable: ${reason}`,
    campaignKicker: 'Picked for you on this device',
    dismiss: 'Not for me',
    dismissLabel: (title: string) => `Hide “${title}” for good`,
    becauseYouLike: (topic: string) => `Because you like ${topic}`,
    popularNow: 'Popular in this shop right now',
    somethingDifferent: 'Something different from what you usually look at',
  },
  'zh-Hans': {
    footer: '在本设备上挑选：你在这里浏览的内容不会被发送到任何地方。',
    noMatches: '没有与这些词匹配的商品。',
    nothingYet: '暂时没有可推荐的商品。',
    unavailable: (reason: string) => `暂时无法推荐：${reason}`,
    campaignKicker: '在本设备上为你挑选',
    dismiss: '不感兴趣',
    dismissLabel: (title: string) => `不再显示“${title}”`,
    becauseYouLike: (topic: string) => `因为你喜欢${topic}`,
    popularNow: '本店当下热门',
    somethingDifferent: '换个口味：你平时不常看的',
  },
} as const satisfies Record<UiLanguage, unknown>;

export type WidgetStrings = (typeof STRINGS)[UiLanguage];

/**
 * The element's language: its own `lang` attribute, else the page's `<html lang>`, else the
 * browser's languages. The first of these that is set decides, even if it is neither English
 * nor Chinese (then English): a German page gets an English widget, not a Chinese one.
 */
export function widgetLanguage(element: Element): UiLanguage {
  const own = element.getAttribute('lang')?.trim();
  if (own) return pickLanguage([own]);
  const page = element.ownerDocument.documentElement.getAttribute('lang')?.trim();
  if (page) return pickLanguage([page]);
  return pickLanguage(navigator.languages);
}

/** The strings for an element, by widgetLanguage(). */
export function widgetStrings(element: Element): WidgetStrings {
  return STRINGS[widgetLanguage(element)];
}

/** A campaign's reason in the element's language. */
export function campaignReasonText(strings: WidgetStrings, why: CampaignReasonView): string {
  switch (why.kind) {
    case 'interest':
      return strings.becauseYouLike(why.topic);
    case 'popular':
      return strings.popularNow;
    case 'explore':
      return strings.somethingDifferent;
  }
}
