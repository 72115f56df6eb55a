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
    footerMemoryOnly: 'This browser keeps nothing for this widget: it starts afresh on each page.',
    noMatches: 'Nothing in the shop matches those words.',
    nothingYet: 'Nothing to recommend yet.',
    unavailable: (reason: string) => `Recommendations are unavailable: ${reason}`,
    /** Why, by kind (failure.ts); the detail goes to the console for the shop's developers. */
    failure: {
      catalogue: 'the shop’s product list could not be loaded.',
      storageFull: 'this browser’s storage for the shop is full.',
      storage: 'this browser does not let the shop keep data.',
      engine: 'the recommender stopped. Reloading the page may help.',
      setup: 'this page has not set them up correctly.',
      unexpected: 'something went wrong.',
    },
    campaignKicker: 'Picked for you on this device',
    dismiss: 'Not for me',
    dismissLabel: (title: string) => `Hide “${title}” for good`,
    becauseYouLike: (topic: string) => `Because you like ${topic}`,
    popularNow: 'Popular in this shop right now',
    somethingDifferent: 'Something different from what you usually look at',
    dataLink: 'Your data on this device',
    dataIntro: 'What this widget keeps about you. None of it leaves this browser.',
    dataInteractions: 'Interactions stored',
    dataTypes: {
      view: 'Views',
      click: 'Clicks',
      add_to_cart: 'Added to cart',
      purchase: 'Purchases',
      like: 'Likes',
      dislike: 'Not for me',
      rating: 'Ratings',
    },
    dataImpressions: 'Items shown to you',
    dataStoredHere: 'Kept in this browser’s storage, for this site only.',
    dataMemoryOnly: 'Kept in memory only: forgotten when you leave this page.',
    dataLearning: 'Learning from what you do here.',
    dataPaused: 'Learning is paused: nothing you do here is recorded.',
    dataPause: 'Pause learning',
    dataResume: 'Resume learning',
    dataExport: 'Export',
    dataExported: (file: string) => `Your browser is saving ${file}.`,
    dataSaveAgain: 'Save it again',
    dataFrameDownloads:
      'If no file appears, this page does not let embedded widgets download files.',
    dataErase: 'Erase…',
    dataEraseQuestion:
      'Erase everything this widget has recorded on this device? This cannot be undone.',
    dataEraseConfirm: 'Erase everything',
    dataCancel: 'Cancel',
    dataErased: 'Erased. Recommendations start afresh.',
    dataFailed: (reason: string) => `That did not work: ${reason}`,
    dataClose: 'Close',
    dataReading: 'Reading…',
  },
  'zh-Hans': {
    footer: '在本设备上挑选：你在这里浏览的内容不会被发送到任何地方。',
    footerMemoryOnly: '这个浏览器不为本组件保存任何内容：每个页面都会重新开始。',
    noMatches: '没有与这些词匹配的商品。',
    nothingYet: '暂时没有可推荐的商品。',
    unavailable: (reason: string) => `暂时无法推荐：${reason}`,
    failure: {
      catalogue: '无法加载商店的商品目录。',
      storageFull: '浏览器为本店保存数据的空间已满。',
      storage: '这个浏览器不允许本店保存数据。',
      engine: '推荐引擎停止了运行，刷新页面也许能解决。',
      setup: '此页面的推荐设置有误。',
      unexpected: '出了点问题。',
    },
    campaignKicker: '在本设备上为你挑选',
    dismiss: '不感兴趣',
    dismissLabel: (title: string) => `不再显示“${title}”`,
    becauseYouLike: (topic: string) => `因为你喜欢${topic}`,
    popularNow: '本店当下热门',
    somethingDifferent: '换个口味：你平时不常看的',
    dataLink: '你在本设备上的数据',
    dataIntro: '这个组件保存的关于你的内容，都不会离开这个浏览器。',
    dataInteractions: '已保存的互动',
    dataTypes: {
      view: '浏览',
      click: '点击',
      add_to_cart: '加入购物车',
      purchase: '购买',
      like: '喜欢',
      dislike: '不感兴趣',
      rating: '评分',
    },
    dataImpressions: '向你展示过的商品',
    dataStoredHere: '保存在本浏览器的存储中，仅限本网站。',
    dataMemoryOnly: '仅保存在内存中：离开此页面后即被忘记。',
    dataLearning: '正在从你在这里的操作中学习。',
    dataPaused: '学习已暂停：你在这里的操作不会被记录。',
    dataPause: '暂停学习',
    dataResume: '恢复学习',
    dataExport: '导出',
    dataExported: (file: string) => `浏览器正在保存 ${file}。`,
    dataSaveAgain: '再次保存',
    dataFrameDownloads: '如果没有出现文件，说明此页面不允许嵌入的组件下载文件。',
    dataErase: '清除…',
    dataEraseQuestion: '要清除这个组件在本设备上记录的全部内容吗？此操作无法撤销。',
    dataEraseConfirm: '全部清除',
    dataCancel: '取消',
    dataErased: '已清除，推荐将重新开始。',
    dataFailed: (reason: string) => `操作未成功：${reason}`,
    dataClose: '关闭',
    dataReading: '正在读取…',
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
