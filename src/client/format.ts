/** A price in the item's currency, in the visitor's locale. */
export function formatPrice(price: number, currency = 'EUR'): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(price);
  } catch {
    // An unknown currency code from the catalogue: show the number and the code as given.
    return `${price.toFixed(2)} ${currency}`;
  }
}

/** A timestamp as a short local date and time. */
export function formatTime(ts: number): string {
  return new Date(ts).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
