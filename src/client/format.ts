/** A price in the item's currency, in the given locale (else the browser's). */
export function formatPrice(price: number, currency = 'EUR', locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(price);
  } catch {
    // An unknown currency code from the catalogue: show the number and the code as given.
    return `${price.toFixed(2)} ${currency}`;
  }
}

/** A timestamp as a short local date and time. */
export function formatTime(ts: number, locale?: string): string {
  return new Date(ts).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A byte count in the visitor's locale, in the largest unit that keeps it above 1. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
