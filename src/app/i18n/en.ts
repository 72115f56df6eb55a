/**
 * English UI strings (the source language). i18next syntax: `{{name}}` interpolation, `_one` /
 * `_other` plural forms chosen by Intl.PluralRules, `{{n, number}}` formatted with Intl. Notices
 * and errors are absent on purpose: in English the worker's own message is shown (zh.ts words
 * them by code).
 */
export const en = {
  app: {
    diagnostics: 'Details for the site’s operator ({{count, number}})',
    starting: 'Starting…',
    ready: 'Ready',
    downloadingCatalogue: 'Downloading catalogue: {{kb, number}} KB',
    loadingModel:
      'Loading text model {{model}}: {{loaded}} of {{total}} MB ({{filesDone}} of {{filesTotal}} files)',
    encoding: 'Understanding items with {{model}}: {{done, number}} of {{total, number}}',
    cancel: 'Cancel',
    cancelFailed: 'Could not cancel: {{reason}}',
    failedTitle: 'The shop could not start',
    failedHint: 'Please try again in a moment, or when you are online.',
    restarted_one:
      'The recommender stopped unexpectedly and was restarted (once); your history and learned preferences were kept.',
    restarted_other:
      'The recommender stopped unexpectedly and was restarted ({{count}} times); your history and learned preferences were kept.',
    restarting: 'The recommender stopped unexpectedly and is restarting. Nothing you did is lost.',
    statusFailed: 'Could not refresh the status: {{reason}}',
    catalogueShowFailed: 'Could not show the updated catalogue: {{reason}}',
    catalogueNotUpdated: 'The catalogue was not updated: {{reason}}',
    catalogueUpdated: 'The catalogue was updated ({{count, number}} items).',
    catalogueCheckFailed: 'Could not check for a new catalogue: {{reason}}',
    crashTitle: 'Something went wrong showing this page',
    crashHint: 'Your history and settings are safe. Reload the page to try again.',
  },
  header: {
    searchLabel: 'Search the shop',
    searchPlaceholder: 'Search, e.g. “quiet coffee grinder”',
    search: 'Search',
    shop: 'Shop',
    yourData: 'Your data',
    shopSwitch: 'Shop',
    otherShop: 'Other shop',
    language: 'Language',
  },
  recs: {
    forYou: 'Recommended for you',
    nothingToRecommend: 'Nothing to recommend: every item is either bought or unavailable.',
    resultsFor: 'Results for “{{query}}”',
    noResults: 'Nothing in the shop matches those words. Try other words.',
    similar: 'Similar items',
    noSimilar: 'No similar items.',
    unavailable: 'Recommendations are unavailable: {{reason}}',
    impressionsFailed: 'Could not record what was shown: {{reason}}',
    clickFailed: 'Could not record the click: {{reason}}',
  },
  reason: {
    popularIn: 'Popular in {{category}}',
    popular: 'Popular right now',
    personal: {
      impression: 'Because you saw “{{title}}”',
      view: 'Because you viewed “{{title}}”',
      click: 'Because you opened “{{title}}”',
      add_to_cart: 'Because you added to your cart “{{title}}”',
      purchase: 'Because you bought “{{title}}”',
      like: 'Because you liked “{{title}}”',
      dislike: 'Because you disliked “{{title}}”',
      rating: 'Because you rated “{{title}}”',
    },
    query: 'Matches “{{query}}”',
    similar: 'Similar to “{{title}}”',
    exploreFrom: 'Something different: from {{category}}',
    explore: 'Something different',
    anItem: 'an item',
  },
  campaign: {
    label: 'Picked for you on this device',
    dismiss: 'Not for me',
    dismissLabel: 'Hide “{{title}}” for good',
    dismissed: '“{{title}}” will not be shown again.',
    dismissFailed: 'Could not hide the offer: {{reason}}',
    interest: 'Because you like {{topic}}',
    popular: 'Popular in this shop right now',
    explore: 'Something different from what you usually look at',
  },
  browse: {
    title: 'Browse the shop',
    categories: 'Categories',
    all: 'All',
    other: 'Other',
    more_one: 'Show more ({{count, number}} left)',
    more_other: 'Show more ({{count, number}} left)',
  },
  item: {
    missing: 'There is no item “{{id}}” in this catalogue.',
    unavailable: 'Currently unavailable',
    tags: 'Tags',
    like: 'Like',
    liked: 'Liked',
    notRecordedPaused: 'Not recorded: learning is paused. Resume it on the “Your data” page.',
    dislike: 'Not for me',
    disliked: 'Noted: fewer items like this',
    add_to_cart: 'Add to cart',
    added_to_cart: 'Added to your cart',
    purchase: 'Buy now',
    purchased: 'Bought (a demo: nothing is charged)',
    viewFailed: 'Could not record this view: {{reason}}',
    actionFailed: 'Could not record that: {{reason}}',
  },
  status: {
    items_one: '{{count, number}} item',
    items_other: '{{count, number}} items',
    savedCopy: ' (saved copy)',
    encoder: 'encoder',
    coUsage: '+ shop co-usage vectors ({{dims}} dims)',
    backend: 'backend',
    interactions_one: 'interaction',
    interactions_other: 'interactions',
    paused: ' · learning paused',
    onDevice: 'computed on this device',
  },
  privacy: {
    title: 'Your data',
    intro:
      'Everything below is stored only in this browser. Nothing you view, like or buy is sent anywhere: recommendations are computed on this device.',
    historyTitle: 'Your history ({{count}})',
    impressions_one:
      'Also recorded: {{count, number}} impressions (items shown to you that you did not open; they count a little against those items).',
    impressions_other:
      'Also recorded: {{count, number}} impressions (items shown to you that you did not open; they count a little against those items).',
    showMore: 'Show {{count, number}} more',
    deleteImpressions: 'Delete impressions',
    noHistory: 'No history yet.',
    delete: 'Delete',
    deleteEntry: 'Delete this entry: {{what}} {{title}}',
    deleteFailed: 'Deleting failed: {{reason}}',
    historyFailed: 'Could not read your history',
    type: {
      impression: 'Saw',
      view: 'Viewed',
      click: 'Opened',
      add_to_cart: 'Added to cart',
      purchase: 'Bought',
      like: 'Liked',
      dislike: 'Disliked',
      rating: 'Rated',
    },
    export: 'Export my data',
    import: 'Import data',
    imported_one: 'Imported {{count, number}} interactions{{detail}}.',
    imported_other: 'Imported {{count, number}} interactions{{detail}}.',
    rejected_one: '; {{count, number}} lines rejected ({{problems}})',
    rejected_other: '; {{count, number}} lines rejected ({{problems}})',
    exportFailed: 'Export failed: {{reason}}',
    importFailed: 'Import failed: {{reason}}',
    eraseFailed: 'Erasing failed: {{reason}}',
    confirmErase: 'Confirm erasing',
    eraseQuestion: 'Erase all history and learned preferences?',
    erase: 'Erase everything',
    erased: 'Everything was erased.',
  },
  interests: {
    title: 'What the app thinks you like',
    intro:
      'Worked out on this device from your history. Remove an interest and its items stop counting; your history itself stays, and you can count them again.',
    failed: 'Could not work out your interests',
    none: 'No interests yet.',
    share_one: '{{share, number(style: percent)}} · {{count, number}} items',
    share_other: '{{share, number(style: percent)}} · {{count, number}} items',
    remove: 'Remove',
    removeLabel: 'Remove the interest {{label}}',
    removed: 'Removed “{{label}}”.',
    removeFailed: 'Removing failed: {{reason}}',
    restore_one: 'Count {{count, number}} removed items again',
    restore_other: 'Count {{count, number}} removed items again',
    restored: 'Removed interests count again.',
    restoreFailed: 'Restoring failed: {{reason}}',
    pause: 'Pause learning',
    resume: 'Resume learning',
    paused: 'Learning paused: nothing you do is recorded.',
    resumed: 'Learning resumed.',
    pauseFailed: 'Pausing failed: {{reason}}',
    resumeFailed: 'Resuming failed: {{reason}}',
    pausedNote: 'Paused: nothing you do is recorded or learned until you resume.',
  },
  experiment: {
    title: 'Which way of ranking works for you',
    intro:
      'Your feed tries two ways of ranking side by side: what this device learned from your clicks, and a simpler match to what you liked. Each click, like or purchase counts for the way that showed you the item. Once one is clearly better for you, your feed uses it. All of this stays on this device.',
    learned: 'Learned from you: {{count, number}}',
    profile: 'Simple match: {{count, number}}',
    both: 'In use: both, side by side, until one is clearly better.',
    inUseLearned: 'In use: what this device learned from you (clearly better for you).',
    inUseProfile: 'In use: the simple match (clearly better for you).',
    notYet: 'The test starts once this device has learned from a few of your choices.',
    reset: 'Start the test again',
    resetDone: 'The test starts again.',
    resetFailed: 'Could not start the test again: {{reason}}',
    readFailed: 'Could not read the ranking test',
  },
  storage: {
    title: 'Storage on this device',
    checking: 'Checking how this browser keeps your data…',
    persisted:
      'Kept for good: the browser has agreed not to clear your history and learned preferences to free space. They go only when you erase them here or clear this site’s data.',
    'best-effort':
      'Not protected yet: the browser may clear your history and learned preferences if this device runs short of space. The shop asks it to keep them after your first like, cart or purchase.',
    denied:
      'The browser declined to keep your data for good: it may clear your history and learned preferences if this device runs short of space. Export your data above to keep a copy.',
    unsupported:
      'This browser cannot promise to keep your data: it may clear your history and learned preferences if this device runs short of space. Export your data above to keep a copy.',
    usage:
      'This site uses {{usage}} (history, learned preferences and the files it needs offline) of the {{quota}} the browser allows it.',
    ask: 'Ask the browser to keep my data',
    askFailed: 'Could not ask the browser to keep your data: {{reason}}',
    readFailed: 'Could not read the storage state: {{reason}}',
  },
  /** Worker notices a visitor sees, by code; any other code shows the worker's message. */
  notice: {
    'catalogue-unreachable':
      'The newest version of the shop could not be loaded just now: you see the copy saved on this device.',
    'catalogue-invalid':
      'The newest version of the shop could not be used: you see the copy saved on this device.',
  },
  pwa: {
    ok: 'OK',
    update: 'A new version of the shop is ready.',
    reload: 'Reload',
    updateFailed: 'Updating failed: {{reason}}',
    offlineReady:
      'Ready to work offline: this shop now opens, recommends and learns without a network.',
    offlineIncomplete:
      'Not everything could be saved for offline use ({{problem}}). It is saved on your next visit with a network.',
    unavailable:
      'Offline use is not available in this browser window ({{problem}}): the shop needs the network to open.',
    offline: 'You are offline: recommendations and learning keep working on this device.',
  },
} as const;

/** The shape every language's strings share (keys of `en`, any wording). */
export type Strings = DeepStrings<typeof en>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
