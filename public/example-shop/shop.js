// The shop's own code: it renders its products and tells the widget what the visitor does. It
// uses nothing but the published widget module.
import { track, SELECT_EVENT } from '../widget.js';

const catalogueUrl = new URL('../catalogue.json', import.meta.url);
const $ = (id) => document.getElementById(id);
let products = new Map();
let cart = 0;

/** Reports a failed call where the shop's own messages go (here: the console). */
const report = (what) => (error) => console.warn(`Could not record ${what}:`, error.message);

function formatPrice(item) {
  if (item.price === undefined) return '';
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency: item.currency ?? 'EUR',
  }).format(item.price);
}

function renderProducts() {
  const list = $('products');
  list.replaceChildren();
  for (const item of [...products.values()].slice(0, 24)) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#item=${encodeURIComponent(item.id)}`;
    link.dataset.itemId = item.id;
    link.textContent = item.title;
    const price = document.createElement('span');
    price.textContent = formatPrice(item);
    li.append(link, price);
    list.append(li);
  }
}

function showRoute() {
  const id = new URLSearchParams(location.hash.slice(1)).get('item');
  const item = id ? products.get(id) : undefined;
  $('product').hidden = !item;
  if (!item) {
    $('related').removeAttribute('context-item');
    return;
  }
  $('product-category').textContent = item.category ?? '';
  $('product-title').textContent = item.title;
  $('product-description').textContent = item.description ?? '';
  $('product-price').textContent = formatPrice(item);
  $('related').setAttribute('context-item', item.id);
  track({ type: 'view', itemId: item.id }).catch(report('the view'));
  window.scrollTo(0, 0);
}

function currentItemId() {
  return new URLSearchParams(location.hash.slice(1)).get('item');
}

$('add-to-cart').addEventListener('click', () => {
  const itemId = currentItemId();
  if (!itemId) return;
  $('cart-count').value = String(++cart);
  track({ type: 'add_to_cart', itemId }).catch(report('the cart add'));
});
$('buy').addEventListener('click', () => {
  const itemId = currentItemId();
  if (itemId) track({ type: 'purchase', itemId }).catch(report('the purchase'));
});

// The widget says which recommendation was picked; the shop decides where that leads.
document.addEventListener(SELECT_EVENT, (event) => {
  location.hash = `item=${encodeURIComponent(event.detail.itemId)}`;
});
window.addEventListener('hashchange', showRoute);

const response = await fetch(catalogueUrl);
const catalogue = await response.json();
products = new Map(catalogue.items.map((item) => [item.id, item]));
renderProducts();
showRoute();
